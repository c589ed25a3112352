// The parsed-note cache and the worker pool give exactly what a cold, in-thread parse gives.
import { readdirSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import { generateVault } from './support/genvault.js';
import { runCli, writeVault } from './support/vault.js';

describe('parse cache', () => {
  it('a warm load equals a cold one, and edits, renames and new files are picked up', async () => {
    const dir = writeVault({ 'a.md': '# A\n\n[[B]] [[C]]\n', 'B.md': '# B\n\n## Part\n' });
    const cacheDir = join(writeVault({}), 'cache');
    const cold = await loadVault(dir, { cacheDir, workers: false });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const warm = await loadVault(dir, { cacheDir, workers: false });
    expect(warm).toEqual(cold);

    writeFileSync(join(dir, 'a.md'), '# A\n\n[[B#Part]]\n');
    renameSync(join(dir, 'B.md'), join(dir, 'C.md'));
    const edited = await loadVault(dir, { cacheDir, workers: false });
    const fresh = await loadVault(dir, { workers: false });
    expect(edited).toEqual(fresh);
    expect(check(edited).problems.filter((p) => p.severity === 'error').map((p) => `${p.rule} ${p.target ?? ''}`)).toEqual(['unresolved-link B#Part']);
  });

  it('without trees, notes keep every fact but an empty tree', async () => {
    const dir = writeVault({ 'a.md': '# A\n\n[[B]]\n' });
    const [full] = (await loadVault(dir)).notes;
    const [facts] = (await loadVault(dir, { trees: false })).notes;
    expect(facts).toEqual({ ...full, tree: { type: 'root', children: [] } });
  });
});

describe('worker threads and cache through the CLI', () => {
  it('cold with workers, warm from cache and --no-cache all report the same', () => {
    const root = writeVault({});
    generateVault({ out: join(root, 'vault'), notes: 400, seed: 3 });
    writeFileSync(join(root, 'almanac.yaml'), 'vault: vault\n');
    const cold = runCli(['check', '--format', 'json', '--today', '2026-11-22'], root);
    expect(existsSync(join(root, '.almanac/cache'))).toBe(true);
    const warm = runCli(['check', '--format', 'json', '--today', '2026-11-22'], root);
    const uncached = runCli(['check', '--format', 'json', '--today', '2026-11-22', '--no-cache'], root);
    expect(cold.stderr).toBe('');
    expect(JSON.parse(cold.stdout).summary.notes).toBeGreaterThan(400);
    expect(warm.stdout).toBe(cold.stdout);
    expect(uncached.stdout).toBe(cold.stdout);
  });
});
