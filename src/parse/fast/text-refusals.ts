// Constructs the fast path does not form, refused from its tree rather than from the raw
// note, so markers that sit where none can form (in raw HTML, code, link destinations,
// `<autolinks>`, wikilinks, comments, math) keep a note on the fast path:
// - GFM literal autolinks (`www.example.com`, `https://…`, `me@example.com`): remark-gfm
//   finds them in text outside links (its tokenizer, then a pass over the text nodes), so
//   an iframe's `src="https://www.…"` or a link's destination is no reason for remark;
// - GFM strikethrough (`~a~`, `~~a~~`): a `~` that could close one (one after a non-blank
//   character) in text, a link's text or an image's alt (remark's alt drops the markers of
//   a strikethrough in the label), so `~~~` fences, `~` in code or URLs and `about ~5`
//   stay. A `~` next to `*` or `_` is refused from the raw note (eligible.ts): to micromark
//   it changes how emphasis pairs.
import type { Nodes } from 'mdast';
import { FastPathUnsupported } from './unsupported.js';

/** What every literal autolink holds: a `www.` or `http(s)://` start, or an `@` before a
 * non-blank (the email form, and `mailto:` / `xmpp:`; micromark takes `x@.y` too). A
 * superset of where one forms. */
const LITERAL_START = /www\.|https?:\/\/|@\S/i;

/** Blocks whose first text starts a line: a `~` opening it has a blank before it. */
const LINE_STARTS = new Set(['paragraph', 'heading', 'tableCell']);

/** Throws FastPathUnsupported where remark could form a literal autolink or a strikethrough. */
export function checkTextRefusals(node: Nodes, inLink = false, lineStart = false): void {
  if (node.type === 'text') {
    if (closingTilde(node.value, lineStart)) throw new FastPathUnsupported('strikethrough');
    // remark-gfm forms no literal autolink inside a link.
    if (!inLink && LITERAL_START.test(node.value)) throw new FastPathUnsupported('literal autolink');
    return;
  }
  if (node.type === 'image') {
    const alt = node.alt ?? '';
    if (closingTilde(alt, false)) throw new FastPathUnsupported('strikethrough in an image alt');
    if (LITERAL_START.test(alt)) throw new FastPathUnsupported('literal autolink in an image alt');
    return;
  }
  if (!('children' in node)) return;
  node.children.forEach((child, index) => {
    checkTextRefusals(child, inLink || node.type === 'link', index === 0 && LINE_STARTS.has(node.type));
  });
}

/** A `~` after a non-blank character (what a strikethrough's closer needs); at the start of
 * the text, the character before is another node's unless the text starts a line. */
function closingTilde(value: string, lineStart: boolean): boolean {
  for (let at = value.indexOf('~'); at !== -1; at = value.indexOf('~', at + 1)) {
    const before = at === 0 ? (lineStart ? ' ' : 'x') : (value[at - 1] ?? ' ');
    if (!/\s/.test(before)) return true;
  }
  return false;
}
