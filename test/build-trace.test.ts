// ALMANAC_TRACE: a build appends one JSON line per phase it ends (publish/build/trace.ts), which
// the benchmark reads for its per-phase table; without the variable nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import type { TraceLine } from '../src/publish/build/trace.js';
import { generateVault } from './support/genvault.js';

describe('ALMANAC_TRACE', () => {
  const root = mkdtempSync(join(tmpdir(), 'almanac-trace-'));
  generateVault({ out: join(root, 'vault'), notes: 40, seed: 3 });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('records each phase of a build, in order, with its time, CPU and memory', async () => {
    const file = join(root, 'trace.jsonl');
    process.env.ALMANAC_TRACE = file;
    try {
      await build({ vault: join(root, 'vault'), out: join(root, 'site'), today: '2026-06-01' });
    } finally {
      delete process.env.ALMANAC_TRACE;
    }
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TraceLine);
    const phases = lines.map((line) => line.phase);
    for (const phase of ['parse and resolve', 'model', 'plan', 'eleventy', 'write', 'search', 'swap']) expect(phases).toContain(phase);
    expect(phases.indexOf('model')).toBeLessThan(phases.indexOf('plan'));
    expect(phases.indexOf('eleventy')).toBeLessThan(phases.indexOf('swap'));
    for (let index = 1; index < lines.length; index++) {
      const [before, after] = [lines[index - 1], lines[index]];
      expect(after?.at).toBeGreaterThanOrEqual(before?.at ?? Number.POSITIVE_INFINITY);
      expect(after?.cpuMs).toBeGreaterThanOrEqual(before?.cpuMs ?? Number.POSITIVE_INFINITY);
    }
    for (const line of lines) {
      expect(line.rssMiB).toBeGreaterThan(0);
      expect(line.maxRssMiB).toBeGreaterThanOrEqual(line.rssMiB - 1);
      expect(line.heapMiB).toBeGreaterThan(0);
      expect(line.thread).toBe('main');
    }
    expect(lines.find((line) => line.phase === 'write')?.count).toBeGreaterThan(40);
  }, 60_000);

  it('writes nothing without it', async () => {
    const file = join(root, 'trace.jsonl');
    const before = readFileSync(file, 'utf8');
    delete process.env.ALMANAC_TRACE;
    await build({ vault: join(root, 'vault'), out: join(root, 'site2'), today: '2026-06-01' });
    expect(existsSync(join(root, 'site2', 'index.html'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(before);
  }, 60_000);
});
