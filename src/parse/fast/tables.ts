// GFM tables on the fast path: where markdown-it and micromark agree on what is a table,
// and each column's alignment.
import type { AlignType } from 'mdast';
import type Token from 'markdown-it/lib/token.mjs';
import { rowCells, type SourceLines } from './locate.js';
import { FastPathUnsupported } from './unsupported.js';

/** What may open a block other than a table where a header row's first cell starts. */
const BLOCK_START = /^(?:[`~#>*+<=_-]|\d{1,9}[.)])/;

const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** A line that reads as a table's delimiter row where markdown-it saw no table: the two
 * parsers detect tables differently at the edges, so remark decides. */
export function checkTables(tokens: Token[], source: SourceLines): void {
  const headers = new Set<number>();
  for (const token of tokens) if (token.type === 'table_open' && token.map) headers.add(token.map[0]);
  source.lines.forEach((line, index) => {
    // micromark also takes `-:` alone (no pipe) as a one-column delimiter row.
    if (index > 0 && (line.includes('|') || line.includes(':')) && line.includes('-') && DELIMITER_ROW.test(line) && !headers.has(index - 1)) {
      throw new FastPathUnsupported(`line ${index + 1} reads as a table delimiter row outside a table`);
    }
  });
}

/** A table markdown-it found where micromark may not: remark decides. */
export function checkTableStart(token: Token, source: SourceLines): void {
  // Tables whose delimiter row has no pipe are where markdown-it and micromark part.
  const delimiter = source.lines[(token.map?.[0] ?? 0) + 1] ?? '';
  if (!delimiter.includes('|')) throw new FastPathUnsupported('table without a pipe in its delimiter row');
  // markdown-it tries tables before any other block; micromark lets a fence, heading,
  // quote, list or HTML block take a header row that does not open with a pipe.
  const header = source.lines[token.map?.[0] ?? 0] ?? '';
  const first = rowCells(header)[0];
  if (first && !header.slice(0, first.start).includes('|') && BLOCK_START.test(first.raw))
    throw new FastPathUnsupported('table header row that may open another block');
}

/** A column's alignment, from the style markdown-it gives its cells. */
export function alignOf(style: string | null): AlignType {
  if (style === null) return null;
  if (style.includes('left')) return 'left';
  if (style.includes('right')) return 'right';
  if (style.includes('center')) return 'center';
  return null;
}
