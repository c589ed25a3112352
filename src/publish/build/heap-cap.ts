// The heap cap of a build's worker thread. Left alone, V8 lets garbage pile up towards a
// quarter of the machine's memory before it collects in earnest: at 10,000 notes that is
// ~1.6–2.1 GiB of RSS for a build whose live data stays under 1 GiB. With a cap it collects
// sooner, at no measurable cost in time (bench/RESULTS.md).
import { AlmanacError } from '../../errors.js';
import type { VaultScan } from '../../vault/load.js';

/** Heap for Almanac, Eleventy and the search index with an empty vault, and per MB of Markdown. */
const BASE_MB = 512;
const PER_MARKDOWN_MB = 28;
/** Below this much Markdown (≈1,300 notes) garbage never piles up far, and a thread's own
 * start (loading Eleventy again, ~0.5 s) costs more than the cap saves. */
const THREAD_FROM_MARKDOWN_MB = 4;

/**
 * The heap cap for a build of `scan`, in MB: `ALMANAC_HEAP_MB` when set (0: no cap), else
 * 512 MB plus 28 MB per MB of Markdown (≈1.35 GB at 10,000 notes), for vaults of 4 MB of
 * Markdown or more. null: no cap (build in the caller's thread).
 */
export function heapCapMb(scan: Pick<VaultScan, 'sources'>, env: NodeJS.ProcessEnv = process.env): number | null {
  const set = env.ALMANAC_HEAP_MB;
  if (set !== undefined && set.trim() !== '') {
    const value = Number(set);
    if (!Number.isFinite(value) || value < 0)
      throw new AlmanacError(`ALMANAC_HEAP_MB must be a number of megabytes (0 for no cap), not ${JSON.stringify(set)}`);
    return value === 0 ? null : Math.round(value);
  }
  let chars = 0;
  for (const source of scan.sources) chars += source.length;
  const markdownMb = chars / 2 ** 20;
  return markdownMb < THREAD_FROM_MARKDOWN_MB ? null : Math.round(BASE_MB + PER_MARKDOWN_MB * markdownMb);
}

/** A note worker's heap with an empty vault, and per MB of the vault's Markdown (all of it:
 * either worker may get more than its half). */
const NOTE_BASE_MB = 64;
const NOTE_PER_MARKDOWN_MB = 8;

/**
 * The heap cap of each note worker (note-workers.ts) of a build that runs capped: 64 MB plus
 * 8 MB per MB of Markdown (≈300 MB at 10,000 generated notes). A worker holds its notes' trees
 * as JSON text (threads/held-note.ts, ~2.5 bytes per byte of Markdown) and renders one note at
 * a time, but left alone V8 lets each worker's garbage grow to ~420 MB before collecting —
 * the build's peak memory. A worker that outgrows its cap fails the capped build, which
 * then runs again without caps (build-if-changed.ts), as when the build thread outgrows its own.
 */
export function noteWorkerHeapMb(scan: Pick<VaultScan, 'sources'>): number {
  let chars = 0;
  for (const source of scan.sources) chars += source.length;
  return Math.round(NOTE_BASE_MB + NOTE_PER_MARKDOWN_MB * (chars / 2 ** 20));
}
