// Worker thread: parse a batch of notes, post the parsed (plain) data back.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../parse/index.js';
import { stripTree } from './cache.js';

export interface ParseRequest {
  items: Array<{ path: string; source: string }>;
  trees: boolean;
}

parentPort?.on('message', (request: ParseRequest) => {
  const notes = request.items.map(({ path, source }) => {
    const note = parseNote(path, source);
    return request.trees ? note : stripTree(note);
  });
  // As JSON text: one string crosses threads much faster than a structured clone of
  // thousands of small tree objects, and JSON.parse rebuilds them quickly.
  parentPort?.postMessage(JSON.stringify(notes));
});
