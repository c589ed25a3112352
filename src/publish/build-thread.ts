// A full build in a worker thread whose JavaScript heap is capped in proportion to the
// vault. Left alone, V8 lets garbage pile up towards a quarter of the machine's memory
// before it collects in earnest: at 10,000 notes that is ~1.6–2.1 GiB of RSS for a build
// whose live data stays under 1 GiB. With a cap it collects sooner, at no measurable cost
// in time (bench/RESULTS.md). A build that outgrows its cap is run again without one.
import { Worker } from 'node:worker_threads';
import { compiledModule } from '../compiled-module.js';
import { AlmanacError } from '../errors.js';
import type { VaultScan } from '../vault/load.js';
import type { BuildOptions, BuildProgress, BuildSummary } from './build.js';
import type { BuildWarning } from './warnings.js';

/** What crosses into the worker: the build's options without callbacks or live objects. */
export type ThreadBuildOptions = Omit<BuildOptions, 'project' | 'onProgress' | 'heapLimitMb'>;

export type BuildThreadMessage =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'done'; summary: Omit<BuildSummary, 'upToDate'> }
  | { type: 'error'; name: string; message: string; almanac: boolean; warnings: BuildWarning[] | null };

/** Heap for Almanac, Eleventy and the search index with an empty vault, and per MB of Markdown. */
const BASE_MB = 512;
const PER_MARKDOWN_MB = 28;
/** Below this much Markdown (≈1,300 notes) garbage never piles up far, and a thread's own
 * start (loading Eleventy again, ~0.5 s) costs more than the cap saves. */
const THREAD_FROM_MARKDOWN_MB = 4;

const WORKER = new URL('./build-worker.js', import.meta.url);

export function buildThreadAvailable(): boolean {
  return compiledModule(WORKER);
}

/**
 * The heap cap for a build of `scan`, in MB: `ALMANAC_HEAP_MB` when set (0: no cap), else
 * 512 MB plus 28 MB per MB of Markdown (≈1.35 GB at 10,000 notes), for vaults of 4 MB of
 * Markdown or more. null: no cap (build in the caller's thread).
 */
export function heapCapMb(scan: Pick<VaultScan, 'sources'>, env: NodeJS.ProcessEnv = process.env): number | null {
  const set = env.ALMANAC_HEAP_MB;
  if (set !== undefined && set.trim() !== '') {
    const value = Number(set);
    if (!Number.isFinite(value) || value < 0) throw new AlmanacError(`ALMANAC_HEAP_MB must be a number of megabytes (0 for no cap), not ${JSON.stringify(set)}`);
    return value === 0 ? null : Math.round(value);
  }
  let chars = 0;
  for (const source of scan.sources) chars += source.length;
  const markdownMb = chars / 2 ** 20;
  return markdownMb < THREAD_FROM_MARKDOWN_MB ? null : Math.round(BASE_MB + PER_MARKDOWN_MB * markdownMb);
}

/** An error as the worker posts it: its class name, message and (BuildError) warnings. */
export type PostedError = Extract<BuildThreadMessage, { type: 'error' }>;

/** Rebuilds a posted error (by class name) so callers can tell them apart. */
export type ErrorFactory = (error: PostedError) => Error;

/**
 * Run `build` in a worker with a `heapMb` cap. Resolves to the summary, or to null when the
 * build ran out of heap (the caller builds again without a cap).
 */
export function buildInThread(options: ThreadBuildOptions, heapMb: number, onProgress: ((progress: BuildProgress) => void) | undefined, toError: ErrorFactory): Promise<Omit<BuildSummary, 'upToDate'> | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: BuildThreadMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.summary));
      else settle(() => reject(toError(message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(null) : reject(error)));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new AlmanacError(`The build thread stopped (exit code ${code}) before it finished.`)));
    });
  });
}
