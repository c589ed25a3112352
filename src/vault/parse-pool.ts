// Parse notes across worker threads (the parser, not the disk, is the limit). Each thread
// takes the next batch as soon as it has sent the last one back (threads/parse.worker.ts).
import { availableParallelism } from 'node:os';
import type { ParsedNote } from '../parse/types.js';
import type { PackedNote } from './cache.js';
import type { Task } from '../threads/protocol.js';
import { workerModule } from '../threads/mode.js';
import { Thread } from '../threads/thread.js';

export type ParseTasks = {
  /** The notes parsed, as JSON text (ParsedNote[]), and with `pack` each packed for the parse cache, in the same order. */
  parse: Task<{ items: Array<{ path: string; source: string }>; trees: boolean; pack?: boolean }, { json: string; packed: PackedNote[] | null }>;
};

/** A note parsed in a thread, and (when asked for) packed for the parse cache there. */
export interface ParsedInThread {
  note: ParsedNote;
  packed: PackedNote | null;
}

const BATCH = 64;

/** Whether parsing may go to threads (threads/mode.ts); else the caller parses in-thread. */
export function workersAvailable(): boolean {
  return workerModule('parse') !== null;
}

/**
 * Parse `items` in `threads` worker threads, and with `here` in this thread too: this thread
 * would otherwise wait, and on two cores one worker and this thread parse as fast as two
 * workers for less CPU (a worker loads the parser and warms it up again: ~0.5-1 s each on
 * a 10,000-note vault). Each worker keeps two batches in hand, so it has the next one while
 * this thread is busy with its own.
 */
export async function parseInWorkers(
  items: Array<{ path: string; source: string }>,
  trees: boolean,
  threads = availableParallelism(),
  pack = false,
  here?: (item: { path: string; source: string }) => ParsedNote,
): Promise<Map<string, ParsedInThread>> {
  const url = workerModule('parse');
  if (!url) throw new Error('parseInWorkers: worker threads are not available (see workersAvailable)');
  const results = new Map<string, ParsedInThread>();
  const batches: Array<Array<{ path: string; source: string }>> = [];
  for (let index = 0; index < items.length; index += BATCH) batches.push(items.slice(index, index + BATCH));
  const count = Math.max(1, Math.min(threads, batches.length));
  const pool = Array.from({ length: count }, () => new Thread<ParseTasks>(url, 'Parsing notes'));
  const inThread = async (): Promise<void> => {
    if (!here) return;
    // Let the workers have their first batches before this thread starts on its own.
    for (let batch = await nextTurn(batches); batch; batch = await nextTurn(batches)) {
      for (const item of batch) results.set(item.path, { note: here(item), packed: null });
    }
  };
  try {
    await Promise.all([
      ...pool.flatMap((thread) =>
        [0, 1].map(async () => {
          for (let batch = batches.shift(); batch; batch = batches.shift()) {
            const { json, packed } = await thread.request('parse', { items: batch, trees, pack });
            (JSON.parse(json) as ParsedNote[]).forEach((note, index) => {
              results.set(note.path, { note, packed: packed?.[index] ?? null });
            });
          }
        }),
      ),
      inThread(),
    ]);
  } finally {
    await Promise.all(pool.map((thread) => thread.close()));
  }
  return results;
}

/** The next batch, after the event loop has had its turn (workers' replies in, their next requests out). */
function nextTurn<T>(batches: T[]): Promise<T | undefined> {
  return new Promise((resolve) => setImmediate(() => resolve(batches.shift())));
}
