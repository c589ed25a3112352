// Run a full build in a worker thread with a capped heap (see heap-cap.ts) and pass its
// progress and outcome back. It only dispatches: the worker (build-worker.ts) runs the build.
import { Worker } from 'node:worker_threads';
import { compiledModule } from '../../compiled-module.js';
import { AlmanacError } from '../../errors.js';
import type { ProjectFiles } from '../../project/index.js';
import type { BuildOptions, BuildProgress, BuildSummary } from './build-options.js';
import { rebuiltError, type PostedError } from './thread-errors.js';

export { heapCapMb } from './heap-cap.js';

/** What crosses into the worker: the build's options without callbacks or live objects, and
 * the project's files as read (config and vault: neither is read again), with where each
 * `site.exclude` entry stands in almanac.yaml as plain data (a WeakMap does not cross). */
export type ThreadBuildOptions = Omit<BuildOptions, 'project' | 'onProgress' | 'heapLimitMb' | 'files'> & {
  files: ProjectFiles;
  excludePlaces: { file: string; lines: number[] } | null;
};

export type BuildThreadMessage =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'done'; summary: Omit<BuildSummary, 'upToDate'> }
  /** A note worker outgrew its cap (heap-cap.ts noteWorkerHeapMb): as when the build thread does. */
  | { type: 'out-of-memory' }
  | PostedError;

const WORKER = new URL('./build-worker.js', import.meta.url);

export function buildThreadAvailable(): boolean {
  return compiledModule(WORKER);
}

/**
 * Run `build` in a worker with a `heapMb` cap. Resolves to the summary, or to null when the
 * build ran out of heap (the caller builds again without a cap).
 */
export function buildInThread(
  options: ThreadBuildOptions,
  heapMb: number,
  onProgress: ((progress: BuildProgress) => void) | undefined,
): Promise<Omit<BuildSummary, 'upToDate'> | null> {
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
      else if (message.type === 'out-of-memory') settle(() => resolve(null));
      else settle(() => reject(rebuiltError(message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(null) : reject(error)));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new AlmanacError(`The build thread stopped (exit code ${code}) before it finished.`)));
    });
  });
}
