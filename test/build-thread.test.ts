// The CLI builds in a worker thread whose heap is capped in proportion to the vault
// (build-thread.ts). The output must be the same as an uncapped in-thread build, a build
// that outgrows its cap must still finish (run again without one) and say so, and errors
// must cross the thread boundary as what they are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapCapMb } from '../src/publish/build/build-thread.js';
import { AlmanacError } from '../src/errors.js';
import { listFiles } from './fixtures/publish/crawl.js';
import { runCli, tempDir, writeVault } from './support/vault.js';

const outDir = (): string => tempDir('almanac-thread-');

function contents(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(join(dir, file), 'latin1')]));
}

describe('heapCapMb', () => {
  it('grows with the Markdown, none below 4 MB, and ALMANAC_HEAP_MB overrides it (0: no cap)', () => {
    expect(heapCapMb({ sources: ['# A\n'] }, {})).toBeNull();
    expect(heapCapMb({ sources: ['x'.repeat(4 * 2 ** 20)] }, {})).toBe(512 + 28 * 4);
    expect(heapCapMb({ sources: ['x'.repeat(30 * 2 ** 20)] }, {})).toBe(512 + 28 * 30);
    expect(heapCapMb({ sources: [] }, { ALMANAC_HEAP_MB: '2048' })).toBe(2048);
    expect(heapCapMb({ sources: [] }, { ALMANAC_HEAP_MB: '0' })).toBeNull();
    expect(() => heapCapMb({ sources: [] }, { ALMANAC_HEAP_MB: 'lots' })).toThrow(AlmanacError);
  });
});

describe('almanac build in its thread', () => {
  it('writes what an uncapped in-thread build writes, and finishes without its cap when it outgrows it', () => {
    const args = (out: string): string[] => ['build', '--out', out, '--today', '2026-01-20'];
    const capped = outDir();
    const inThread = outDir();
    const outgrown = outDir();
    const first = runCli(args(capped), undefined, { ALMANAC_HEAP_MB: '512' });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(runCli(args(inThread), undefined, { ALMANAC_HEAP_MB: '0' }).status).toBe(0);
    // 16 MB does not even hold Eleventy's modules: the thread runs out, the build runs again.
    const tight = runCli(args(outgrown), undefined, { ALMANAC_HEAP_MB: '16' });
    expect(tight.status).toBe(0);
    expect(tight.stderr).toContain('almanac: The build outgrew its 16 MB heap cap and was run again without one');
    const expected = contents(inThread);
    expect(expected.size).toBeGreaterThan(300);
    expect(contents(capped)).toEqual(expected);
    expect(contents(outgrown)).toEqual(expected);
  });

  it('reports a bad ALMANAC_HEAP_MB before building anything', () => {
    const out = outDir();
    const result = runCli(['build', '--out', out], undefined, { ALMANAC_HEAP_MB: 'lots' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ALMANAC_HEAP_MB must be a number of megabytes');
    expect(listFiles(out)).toEqual([]);
  });
});

describe('the build thread gets the project as read', () => {
  it('names an unmatched site.exclude entry at its line in almanac.yaml, as an in-thread build does', () => {
    const dir = writeVault({
      'almanac.yaml': 'vault: notes\nsite:\n  exclude:\n    - Nowhere\n',
      'notes/A.md': '# A\n',
    });
    const build = (heap: string) => runCli(['build', '--out', join(dir, `site-${heap}`)], dir, { ALMANAC_HEAP_MB: heap });
    const capped = build('512');
    const inThread = build('0');
    expect(capped.status).toBe(0);
    expect(capped.stderr).toMatch(/almanac\.yaml:4:\d+ +warning +site\.exclude entry `Nowhere`/);
    expect(capped.stderr).toBe(inThread.stderr);
  });
});
