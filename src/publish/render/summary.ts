// A note's summary for the Atom feed: its first real paragraph as plain text.
import type { ParsedNote } from '../../parse/types.js';
import { plainText as readerText } from '../../parse/plain-text.js';

/** First paragraph of the note (ignoring tag-only lines) as plain text, at most ~280 characters. */
export function noteSummary(note: Pick<ParsedNote, 'tree'>): string {
  // Reader text: embeds are left out, so an embedded unpublished note is never named.
  const paragraph = note.tree.children.find(
    (node) =>
      node.type === 'paragraph' &&
      readerText(node)
        .replace(/#[\p{L}\p{N}_/-]+/gu, '')
        .trim().length > 40,
  );
  const text = paragraph ? readerText(paragraph).replace(/\s+/g, ' ').trim() : '';
  return text.length > 280 ? `${text.slice(0, 277).replace(/\s+\S*$/, '')}…` : text;
}
