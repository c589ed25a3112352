// Which notes the fast path may read. It covers the CommonMark + GFM-table core plus
// wikilinks, embeds, `%%comments%%` and Obsidian math, and gives the same tree as remark
// for those. Anything it does not reproduce exactly sends the note to remark (the
// reference parser): Obsidian highlights, footnotes, link reference definitions, feed
// regions (refresh edits them by exact cell columns). What the fast path cannot place
// exactly (comments in table cells or across container lines, math blocks in containers,
// text where a GFM literal autolink or a strikethrough could form: text-refusals.ts)
// throws FastPathUnsupported while it reads the tokens, and goes to remark too.

/** Why a note must go to remark, or null when the fast path reads it exactly. */
export function fastPathRefusal(markdown: string): string | null {
  // `=` runs are highlight sequences to remark even alone, and take part in emphasis resolution.
  if (markdown.includes('==') || /=[*_]|[*_]=/.test(markdown)) return 'highlight';
  if (markdown.includes('[^')) return 'footnote';
  // `^[inline]` footnotes (parse/syntax/inline-footnote.ts) are tokenized by remark only.
  if (markdown.includes('^[')) return 'inline footnote';
  // `~` is an attention marker to micromark (strikethrough): a `*` or `_` run next to one
  // may open or close where CommonMark says it may not (`~*0`).
  if (/~[*_]|[*_]~/.test(markdown)) return 'emphasis next to ~';
  if (DEFINITION.test(markdown)) return 'definition';
  if (FEED_MARKER.test(markdown)) return 'feed region';
  if (markdown.includes('\\\\|')) return 'escaped backslash before a pipe';
  if (markdown.includes('\t')) return 'tab';
  if (markdown.includes('\r')) return 'carriage return';
  if (markdown.includes('\0')) return 'nul';
  // markdown-it reads `    >` after a quote line as more of the quote; micromark as indented code.
  if (INDENTED_QUOTE.test(markdown)) return 'indented > after a quote';
  if (ODD_SPACE.test(markdown) || EDGE_SPACE.test(markdown)) return 'unicode space';
  return null;
}

const DEFINITION = /^[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*\[[^\]\n]*\]:/m;
/** Spaces where the two tokenizers disagree anywhere: markdown-it does not count these as
 * whitespace when it decides emphasis, micromark does. */
const ODD_SPACE = /[\v\f\u2028\u2029\ufeff]/;
/** Other Unicode spaces (no-break space…) are text to both, but markdown-it trims block
 * content with JavaScript's `trim()`, which removes them: refuse them at a line's edge or
 * next to blanks and pipes, where that trimming could reach them. Between two visible
 * characters (`10\u00a0%`) they are safe. */
const EDGE_SPACE =
  /(?:^|[\n \t|\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000](?:$|[\n \t|])/;
const INDENTED_QUOTE = /^ {0,3}>.*\n {4,}>/m;
const FEED_MARKER = /<!--\s*\/?feed\b/;
