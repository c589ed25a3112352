// Writing cells and rows of a GFM table: escaped so a value can never break the table, and
// (unless its column is `link`) never becomes live Obsidian syntax.

/** How a value is written: `text` is shown as it is; `link` keeps its `[[…]]`. */
export type CellEscape = 'text' | 'link';

/** Line breaks, entity-like `&`, `<` `>`, and `|` with the backslashes before it: safe in any cell. */
const TABLE = /\r\n|\r|\n|&(?=#?\w+;)|[<>]|\\*\|/g;
/**
 * `text` cells also neutralise wikilinks and embeds (`[`), comments (`%%`), highlights (`==`),
 * tags (`#` not after a letter or digit) and backslash escapes, with character references:
 * Obsidian and CommonMark show them as the character, and no raw-text scanner sees the syntax.
 */
const TEXT = /\r\n|\r|\n|&(?=#?\w+;)|[<>]|\\*\||\\(?=[!-/:-@[-`{-~])|\[|%%|==|(?<![\p{L}\p{N}_])#/gu;

const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\\': '&#92;',
  '[': '&#91;',
  '%%': '%&#37;',
  '==': '=&#61;',
  '#': '&#35;',
};

/** A value made safe inside a table cell; it reads back (as text) as the value itself. */
export function escapeCell(value: string, mode: CellEscape = 'text'): string {
  return value.trim().replace(mode === 'text' ? TEXT : TABLE, (token) => {
    if (token.endsWith('|')) {
      // Backslashes before a pipe are doubled so the pipe's own escape stays an escape.
      const slashes = token.slice(0, -1);
      return `${slashes}${slashes}\\|`;
    }
    if (token === '\r\n' || token === '\r' || token === '\n') return '<br>';
    return REPLACEMENTS[token] ?? token;
  });
}

/** `| a | b |  |` in the vault's style: one space of padding, a lone space in an empty cell. */
export function renderRow(cells: string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
}

export function renderDelimiter(header: string[]): string {
  return `|${header.map((cell) => '-'.repeat(Math.max(3, cell.length + 2))).join('|')}|`;
}
