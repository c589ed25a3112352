// The real CLI (bin/almanac.js over dist/): exit codes, flags, config errors.
import { describe, expect, it } from 'vitest';
import { runCli, writeVault } from './support/vault.js';

const clean = { 'a.md': '[[b]]', 'b.md': '[[a]]' };

describe('almanac check (CLI)', () => {
  it('exits 0 on a clean vault given with --vault and no config', () => {
    const run = runCli(['check', '--vault', writeVault(clean)]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ 0 errors, 0 warnings, 0 info in 2 notes and 2 links\n');
    expect(run.status).toBe(0);
  });

  it('exits 1 on errors; warnings pass unless --strict', () => {
    expect(runCli(['check', '--vault', writeVault({ ...clean, 'c.md': '[[Gone]] [[a]]' })]).status).toBe(1);
    const warnOnly = writeVault({ 'a.md': '[[NVDA]]', 'NVIDIA.md': '---\naliases: [NVDA]\n---\n[[a]]' });
    expect(runCli(['check', '--vault', warnOnly]).status).toBe(0);
    expect(runCli(['check', '--vault', warnOnly, '--strict']).status).toBe(1);
  });

  it('prints json that parses, and github annotations with repo-relative paths', () => {
    const dir = writeVault({
      'almanac.yaml': 'vault: research\nrules: {orphan-note: off}\n',
      'research/a.md': '[[Gone]]',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const json = runCli(['check', '--format', 'json'], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({ summary: { errors: 1 }, problems: [{ file: 'a.md', line: 1, column: 1, target: 'Gone' }] });
    const github = runCli(['check', '--format', 'github'], dir);
    expect(github.stdout).toBe('::error file=research/a.md,line=1,col=1,title=unresolved-link::No note or file named “Gone”\n');
  });

  it('--config picks another file; its paths are relative to it', () => {
    const dir = writeVault({ 'conf/almanac.yaml': 'vault: ../vault\n', 'vault/a.md': '[[Gone]]' });
    const run = runCli(['check', '--config', 'conf/almanac.yaml', '--format', 'json'], dir);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { notes: 1, errors: 1 } });
  });

  it('exits 2 naming the key and line for unknown keys and bad values', () => {
    const dir = writeVault({ 'almanac.yaml': 'vault: .\nrules:\n  unresolved-link: loud\nfeedz: {}\n', 'a.md': '' });
    const run = runCli(['check'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('almanac.yaml:3: `rules.unresolved-link`: ');
    expect(run.stderr).toContain('almanac.yaml:4: unknown key `feedz`');
  });

  it('exits 2 on YAML syntax errors in the config, with line and column', () => {
    const dir = writeVault({ 'almanac.yaml': 'vault: [notes\n', 'a.md': '' });
    const run = runCli(['check'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/almanac\.yaml:\d+:\d+: /);
  });

  it('exits 2 on usage errors: bad --format, bad --today, unknown flag, missing config', () => {
    const dir = writeVault(clean);
    expect(runCli(['check', '--vault', dir, '--format', 'xml']).stderr).toContain('--format must be one of pretty, json, github, sarif');
    expect(runCli(['check', '--vault', dir, '--format', 'xml']).status).toBe(2);
    const today = runCli(['check', '--vault', dir, '--today', '2026-02-30']);
    expect([today.status, today.stderr]).toEqual([
      2,
      'almanac: --today must be a date like 2026-01-20 (got “2026-02-30”)\nRun `almanac check --help` for usage.\n',
    ]);
    expect(runCli(['check', '--vault', dir, '--bogus']).status).toBe(2);
    const missing = runCli(['check'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('No almanac.yaml in');
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('accepts --today', () => {
    expect(runCli(['check', '--vault', writeVault(clean), '--today', '2026-01-20']).status).toBe(0);
  });
});
