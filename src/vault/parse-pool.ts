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

export async function parseInWorkers(
  items: Array<{ path: string; source: string }>,
  trees: boolean,
  threads = availableParallelism(),
  pack = false,
): Promise<Map<string, ParsedInThread>> {
  const url = workerModule('parse');
  if (!url) throw new Error('parseInWorkers: worker threads are not available (see workersAvailable)');
  const results = new Map<string, ParsedInThread>();
  const batches: Array<Array<{ path: string; source: string }>> = [];
  for (let index = 0; index < items.length; index += BATCH) batches.push(items.slice(index, index + BATCH));
  const count = Math.max(1, Math.min(threads, batches.length));
  const pool = Array.from({ length: count }, () => new Thread<ParseTasks>(url, 'Parsing notes'));
  try {
    await Promise.all(
      pool.map(async (thread) => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          const { json, packed } = await thread.request('parse', { items: batch, trees, pack });
          (JSON.parse(json) as ParsedNote[]).forEach((note, index) => {
            results.set(note.path, { note, packed: packed?.[index] ?? null });
          });
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((thread) => thread.close()));
  }
  return results;
}
