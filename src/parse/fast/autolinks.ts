// GFM literal autolinks (`www.example.com`, `https://…`, `me@example.com`) decided from the
// fast path's tree: remark-gfm finds them in text (its tokenizer, then a pass over the text
// nodes outside links), never in raw HTML, code, link destinations, `<autolinks>`, link
// labels, wikilinks or comments. The fast path does not form them: a note whose text holds
// the start of one goes to remark, one whose markers sit only where none can form (an
// iframe's `src="https://www.…"`, a link's destination) stays.
import type { Nodes } from 'mdast';
import { FastPathUnsupported } from './unsupported.js';

/** What every literal autolink holds: a `www.` or `http(s)://` start, or an `@` before a
 * non-blank (the email form, and `mailto:` / `xmpp:`; micromark takes `x@.y` too). A
 * superset of where one forms. */
const LITERAL_START = /www\.|https?:\/\/|@\S/i;

/** Throws FastPathUnsupported where remark could form a literal autolink. */
export function checkAutolinkLiterals(node: Nodes): void {
  if (node.type === 'text' && LITERAL_START.test(node.value)) throw new FastPathUnsupported('literal autolink');
  if (node.type === 'image' && LITERAL_START.test(node.alt ?? '')) throw new FastPathUnsupported('literal autolink in an image alt');
  // remark-gfm forms none inside a link, and its text keeps its markers as written.
  if (node.type === 'link' || !('children' in node)) return;
  for (const child of node.children) checkAutolinkLiterals(child);
}
