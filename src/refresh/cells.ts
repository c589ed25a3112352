// Writing cells and rows of a GFM table: escaped so a value can never break the table.

/** `|`, line breaks and HTML in a value, made safe inside a table cell. */
export function escapeCell(value: string): string {
  return value
    .trim()
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>')
    // Backslashes before a pipe are doubled so the pipe's own escape stays an escape.
    .replace(/(\\*)\|/g, (_whole, slashes: string) => `${slashes}${slashes}\\|`);
}

/** `| a | b |  |` in the vault's style: one space of padding, a lone space in an empty cell. */
export function renderRow(cells: string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
}

export function renderDelimiter(header: string[]): string {
  return `|${header.map((cell) => '-'.repeat(Math.max(3, cell.length + 2))).join('|')}|`;
}
