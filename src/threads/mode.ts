// The one rule for worker threads versus in-thread work. A worker thread runs compiled
// JavaScript, `dist/threads/<task>.worker.js`. Run from dist/ (the CLI, the package), the
// work goes to threads; run from the TypeScript sources (vitest, tsx), it is done in this
// thread, unless setThreadMode('threads') asks for threads: then the compiled worker modules
// in dist/ are used (the test setup compiles dist/ first), so tests exercise the real threads.
// Each caller still decides whether a job is large enough to be worth a thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The tasks that have a worker module, `src/threads/<task>.worker.ts`. */
export type ThreadTask = 'parse' | 'note' | 'search' | 'write';

/** auto: threads when running compiled code; threads: always (from the sources, dist/'s worker modules); in-thread: never. */
export type ThreadMode = 'auto' | 'threads' | 'in-thread';

let mode: ThreadMode = 'auto';

/** Set the mode; returns the previous one (to restore it). */
export function setThreadMode(next: ThreadMode): ThreadMode {
  const previous = mode;
  mode = next;
  return previous;
}

/** The worker module for `task`, or null: do the work in this thread. */
export function workerModule(task: ThreadTask): URL | null {
  if (mode === 'in-thread') return null;
  const file = `${task}.worker.js`;
  const compiled = import.meta.url.endsWith('.js');
  if (compiled) {
    const beside = new URL(`./${file}`, import.meta.url);
    return exists(beside) ? beside : null;
  }
  if (mode === 'auto') return null;
  const built = new URL(`../../dist/threads/${file}`, import.meta.url);
  if (!exists(built)) throw new Error(`Worker threads were asked for, but ${fileURLToPath(built)} is missing: run \`npm run build:ts\``);
  return built;
}

function exists(url: URL): boolean {
  return url.protocol === 'file:' && existsSync(fileURLToPath(url));
}
