// parseNote never throws and keeps its data plain, whatever mix of Obsidian syntax it meets.
import fc from 'fast-check';
import { OBSIDIAN_PIECES, propertyRuns } from './support/property.js';
import { expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';

const piece = fc.oneof(fc.constantFrom(...OBSIDIAN_PIECES), fc.string({ maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\n\n'));

it('parseNote never throws on arbitrary Obsidian-flavoured text, and its result round-trips through JSON', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const source = pieces.join('');
      const note = parseNote('Folder/Note.md', source);
      expect(JSON.parse(JSON.stringify(note))).toEqual(note);
      for (const link of note.links) expect(link.line).toBeGreaterThanOrEqual(1);
    }),
    propertyRuns(1500),
  );
});
