// A warm check or build reuses its cached result only when nothing it reports could differ:
// moving a site.exclude entry to another line of almanac.yaml (same parsed config) must
// not print the old line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeVault } from './support/vault.js';

describe('cached results and almanac.yaml lines', () => {
  it('a warm check and build name the line the entry is on now', () => {
    const dir = writeVault({ 'almanac.yaml': 'vault: notes\nsite: {exclude: [Nope]}\n', 'notes/A.md': '# A\n' });
    const lineOf = (output: string): string | undefined => /almanac\.yaml:(\d+)/.exec(output)?.[1];
    expect(lineOf(runCli(['check'], dir).stdout)).toBe('2');
    expect(lineOf(runCli(['build', '--out', join(dir, 'site')], dir).stderr)).toBe('2');
    writeFileSync(join(dir, 'almanac.yaml'), '# moved\nvault: notes\nsite:\n  exclude:\n    - Nope\n');
    expect(lineOf(runCli(['check'], dir).stdout)).toBe('5');
    expect(lineOf(runCli(['build', '--out', join(dir, 'site')], dir).stderr)).toBe('5');
  });
});
