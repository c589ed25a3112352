// Worker thread of vault/parse-pool.ts: parse a batch of notes, send the parsed (plain) data back.
import { parseNote } from '../parse/index.js';
import { packNote, stripTree } from '../vault/cache.js';
import type { ParseTasks } from '../vault/parse-pool.js';
import { serve } from './thread.js';

serve<ParseTasks>({
  parse: ({ items, trees, pack }) => {
    const notes = items.map(({ path, source }) => {
      const note = parseNote(path, source);
      return trees ? note : stripTree(note);
    });
    // As JSON text: one string crosses threads much faster than a structured clone of
    // thousands of small tree objects, and JSON.parse rebuilds them quickly. Packed notes
    // (one byte array each) are cheap to copy. They keep `undefined` members JSON drops, as
    // the notes the main thread parses and caches itself do (check reads either the same way).
    return { json: JSON.stringify(notes), packed: pack === true ? notes.map(packNote) : null };
  },
});
