// Worker thread of build-thread.ts: one build, its progress and its outcome posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { restoreExcludePlaces } from '../../config/load.js';
import { buildSummaryOnly } from '../index.js';
import type { BuildThreadMessage, ThreadBuildOptions } from './build-thread.js';
import { postedError } from './thread-errors.js';
import { isOutOfMemory } from '../../threads/thread.js';
import { tracePhase, traceThread } from './trace.js';

const post = (message: BuildThreadMessage): void => parentPort?.postMessage(message);

traceThread('build');
tracePhase('thread start');
try {
  const { files, excludePlaces, ...options } = workerData as ThreadBuildOptions;
  restoreExcludePlaces(files.config.site, excludePlaces);
  const summary = await buildSummaryOnly({ ...options, files, onProgress: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'done', summary });
} catch (error) {
  post(isOutOfMemory(error) ? { type: 'out-of-memory' } : postedError(error));
}
