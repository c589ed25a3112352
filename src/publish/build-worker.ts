// Worker thread of build-thread.ts: one build, its progress and its outcome posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { AlmanacError } from '../errors.js';
import { BuildError, buildSummaryOnly } from './build.js';
import type { BuildThreadMessage, ThreadBuildOptions } from './build-thread.js';

const post = (message: BuildThreadMessage): void => parentPort?.postMessage(message);

try {
  const options = workerData as ThreadBuildOptions;
  const summary = await buildSummaryOnly({ ...options, onProgress: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'done', summary });
} catch (error) {
  const almanac = error instanceof AlmanacError;
  // An unexpected error keeps its stack: the CLI prints it as a bug report.
  const message = error instanceof Error ? (almanac ? error.message : (error.stack ?? error.message)) : String(error);
  post({ type: 'error', name: error instanceof Error ? error.name : 'Error', message, almanac, warnings: error instanceof BuildError ? error.warnings : null });
}
