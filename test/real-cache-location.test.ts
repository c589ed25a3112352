// Issue 13 item 8: the cache lands next to almanac.yaml, or inside the vault when there is
// no config, never in the folder Almanac runs from; `.almanac/` carries a `.gitignore`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../src/project/index.js';
import { buildIfChanged } from '../src/publish/build/build-if-changed.js';
import { writeResult } from '../src/check/result-cache.js';
import { makeCacheDir } from '../src/cache-dir.js';
import { runCli, tempDir, writeVault } from './support/vault.js';

const NOTES = { 'a.md': '# A\n\n[[b]]\n', 'b.md': '# B\n\n[[a]] [[missing]]\n' };

interface Json {
  summary: { notes: number; errors: number };
  problems: Array<{ file: string; rule: string }>;
}

describe('cache location', () => {
  it('check --vault DIR run from another folder caches inside DIR, with a .gitignore, and never reads it as notes', () => {
    const vault = writeVault(NOTES);
    const elsewhere = tempDir();
    const run = () => runCli(['check', '--vault', vault, '--format', 'json', '--today', '2026-01-10'], elsewhere);
    const cold = run();
    expect(cold.stderr).toBe('');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(join(vault, '.almanac')).sort()).toEqual(['.gitignore', 'cache']);
    expect(readFileSync(join(vault, '.almanac', '.gitignore'), 'utf8')).toBe('*\n');
    expect(readdirSync(join(vault, '.almanac', 'cache')).length).toBeGreaterThan(0);
    // A note left inside .almanac/ is not part of the vault.
    writeFileSync(join(vault, '.almanac', 'stray.md'), '[[nowhere]]\n');
    const warm = run();
    expect(warm.stdout).toBe(cold.stdout);
    const result = JSON.parse(warm.stdout) as Json;
    expect(result.summary.notes).toBe(2);
    expect(result.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['b.md unresolved-link']);
  });

  it('check --config PATH run from another folder caches next to almanac.yaml', () => {
    const project = writeVault({
      'almanac.yaml': 'vault: notes\n',
      ...Object.fromEntries(Object.entries(NOTES).map(([path, text]) => [`notes/${path}`, text])),
    });
    const elsewhere = tempDir();
    const run = runCli(['check', '--config', join(project, 'almanac.yaml'), '--format', 'json'], elsewhere);
    expect(run.stderr).toBe('');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(project, '.almanac', 'cache'))).toBe(true);
    expect(existsSync(join(project, 'notes', '.almanac'))).toBe(false);
    expect(readFileSync(join(project, '.almanac', '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('the library (openProject, buildIfChanged) with a vault and another cwd caches inside the vault', async () => {
    const vault = writeVault(NOTES);
    const elsewhere = tempDir();
    const project = await openProject({ vault, cwd: elsewhere, trees: false, workers: false });
    expect(project.vault.notes).toHaveLength(2);
    expect(readdirSync(join(vault, '.almanac', 'cache')).some((file) => file.startsWith('parsed-'))).toBe(true);
    const out = join(tempDir(), 'site');
    const first = await buildIfChanged({ vault, cwd: elsewhere, out, today: '2026-01-10', search: false });
    expect(first.upToDate).toBe(false);
    expect(readdirSync(join(vault, '.almanac', 'cache')).some((file) => file.startsWith('build-'))).toBe(true);
    const second = await buildIfChanged({ vault, cwd: elsewhere, out, today: '2026-01-10', search: false });
    expect(second.upToDate).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('git does not see .almanac/ in a vault that is a repository', () => {
    const vault = writeVault(NOTES);
    execFileSync('git', ['init', '-q'], { cwd: vault });
    runCli(['check', '--vault', '.', '--format', 'json'], vault);
    expect(existsSync(join(vault, '.almanac', 'cache'))).toBe(true);
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: vault, encoding: 'utf8' });
    expect(status.split('\n').filter(Boolean).sort()).toEqual(['?? a.md', '?? b.md']);
  });

  it('a cache folder that cannot be made is skipped, not an error', () => {
    const root = writeVault({ 'file.txt': 'not a folder' });
    const blocked = join(root, 'file.txt', '.almanac', 'cache');
    expect(makeCacheDir(blocked)).toBe(false);
    expect(() => writeResult(blocked, 'key', { problems: [], summary: { notes: 0, links: 0, errors: 0, warnings: 0, infos: 0 } })).not.toThrow();
  });
});
