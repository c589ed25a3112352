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
    // The cache holds facts only: trees are parsed again (faster than reading them back).
    await loadVault(dir, { cacheDir, workers: false });
    expect(existsSync(cacheDir)).toBe(false);
    const cold = await loadVault(dir, { cacheDir, workers: false, trees: false });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const warm = await loadVault(dir, { cacheDir, workers: false, trees: false });
    expect(warm).toEqual(cold);

    writeFileSync(join(dir, 'a.md'), '# A\n\n[[B#Part]]\n');
    renameSync(join(dir, 'B.md'), join(dir, 'C.md'));
    const edited = await loadVault(dir, { cacheDir, workers: false, trees: false });
    const fresh = await loadVault(dir, { workers: false, trees: false });
    expect(edited).toEqual(fresh);
    expect(
      check(edited)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => `${p.rule} ${p.target ?? ''}`),
    ).toEqual(['unresolved-link B#Part']);
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

describe('cached check results', () => {
  it('are reused only while the vault, config and today are unchanged', () => {
    const root = writeVault({ 'almanac.yaml': 'vault: v\nstale: {default: 30d}\n', 'v/a.md': '---\nupdated: 2026-01-01\n---\n[[b]]\n', 'v/b.md': '[[a]]\n' });
    const json = (args: string[] = []) =>
      JSON.parse(runCli(['check', '--format', 'json', '--today', '2026-01-10', ...args], root).stdout) as { summary: { errors: number; warnings: number } };
    expect(json().summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(json().summary).toMatchObject({ errors: 0, warnings: 0 });
    writeFileSync(join(root, 'v/b.md'), '[[a]] [[gone]]\n');
    expect(json().summary).toMatchObject({ errors: 1 });
    writeFileSync(join(root, 'almanac.yaml'), 'vault: v\nstale: {default: 30d}\nrules: {unresolved-link: warning}\n');
    expect(json().summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(JSON.parse(runCli(['check', '--format', 'json', '--today', '2026-03-01'], root).stdout).summary).toMatchObject({ warnings: 2 });
  });
});
