// Worker thread of vault/parse-pool.ts: parse a batch of notes, send the parsed (plain) data back.
import { parseNote } from '../parse/index.js';
import { stripTree } from '../vault/cache.js';
import type { ParseTasks } from '../vault/parse-pool.js';
import { serve } from './thread.js';

serve<ParseTasks>({
  parse: ({ items, trees }) => {
    const notes = items.map(({ path, source }) => {
      const note = parseNote(path, source);
      return trees ? note : stripTree(note);
    });
    // As JSON text: one string crosses threads much faster than a structured clone of
    // thousands of small tree objects, and JSON.parse rebuilds them quickly.
    return JSON.stringify(notes);
  },
});
