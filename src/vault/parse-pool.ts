// Parse notes across worker threads (the parser, not the disk, is the limit).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { compiledModule } from '../compiled-module.js';
import type { ParsedNote } from '../parse/types.js';
import type { ParseRequest } from './parse-worker.js';

const BATCH = 64;
const WORKER = new URL('./parse-worker.js', import.meta.url);

/** Workers run compiled code; under a TS runner (tests) the caller parses in-thread. */
export function workersAvailable(): boolean {
  return compiledModule(WORKER);
}

export async function parseInWorkers(items: Array<{ path: string; source: string }>, trees: boolean, threads = availableParallelism()): Promise<Map<string, ParsedNote>> {
  const results = new Map<string, ParsedNote>();
  const batches: Array<Array<{ path: string; source: string }>> = [];
  for (let index = 0; index < items.length; index += BATCH) batches.push(items.slice(index, index + BATCH));
  const count = Math.max(1, Math.min(threads, batches.length));
  const workers = Array.from({ length: count }, () => new Worker(WORKER));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const batch = batches.shift();
              if (!batch) return resolve();
              const request: ParseRequest = { items: batch, trees };
              worker.postMessage(request);
            };
            worker.on('message', (json: string) => {
              for (const note of JSON.parse(json) as ParsedNote[]) results.set(note.path, note);
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
