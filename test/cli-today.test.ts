// The date stale rules treat as today: `--today`, then ALMANAC_TODAY, then `today:` in almanac.yaml,
// then the real date; check, build and serve read it alike (issue 17, item 11).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, writeVault } from './support/vault.js';

// One note updated 2026-01-14 that goes stale after 30 days, as an error.
const vault = (today: string | null): Record<string, string> => ({
  'almanac.yaml': `vault: notes\n${today === null ? '' : `today: ${today}\n`}stale: {default: 30d, severity: error}\nrules: {orphan-note: off}\n`,
  'notes/a.md': '---\nupdated: 2026-01-14\n---\nText.\n',
});

describe('today: in almanac.yaml, ALMANAC_TODAY and --today', () => {
  it('check uses today: from the config, so a pinned sample vault passes', () => {
    expect(runCli(['check'], writeVault(vault(null))).status).toBe(1);
    const pinned = runCli(['check'], writeVault(vault('2026-01-20')));
    expect([pinned.status, pinned.stderr]).toEqual([0, '']);
  });

  it('--today wins over ALMANAC_TODAY, which wins over the config', () => {
    const dir = writeVault(vault('2026-01-20'));
    expect(runCli(['check'], dir, { ALMANAC_TODAY: '2026-06-01' }).status).toBe(1);
    expect(runCli(['check', '--today', '2026-01-21'], dir, { ALMANAC_TODAY: '2026-06-01' }).status).toBe(0);
    const bad = runCli(['check'], dir, { ALMANAC_TODAY: '2026-13-01' });
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, 'almanac: ALMANAC_TODAY must be a date like 2026-01-20 (got “2026-13-01”)']);
  });

  it('a today: that is not a date is a config error at its line', () => {
    const run = runCli(['check'], writeVault(vault('soon')));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/almanac\.yaml:2: `today`: /);
  });

  it('build reads today: too (no stale badges on a pinned vault)', () => {
    const dir = writeVault(vault('2026-01-20'));
    expect(runCli(['build', '--no-search'], dir).status).toBe(0);
    const stale = writeVault(vault(null));
    expect(runCli(['build', '--no-search'], stale).status).toBe(0);
    const html = (d: string): string => readFileSync(join(d, 'site/a/index.html'), 'utf8');
    expect(html(dir)).not.toContain('stale-badge');
    expect(html(stale)).toContain('stale-badge');
  });

  it('serve accepts --today', async () => {
    const dir = writeVault(vault(null));
    const child = spawn(process.execPath, [join(ROOT, 'bin/almanac.js'), 'serve', '--port', '0', '--no-search', '--today', '2026-01-20'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += String(chunk);
    });
    const serving = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += String(chunk);
        if (out.includes('Serving ')) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    const url = /Serving (\S+)/.exec(out)?.[1] ?? '';
    const page = serving ? await (await fetch(new URL('a/', url))).text() : '';
    child.kill('SIGTERM');
    expect([serving, err]).toEqual([true, '']);
    expect(page).toContain('<h1');
    expect(page).not.toContain('stale-badge');
  });
});
