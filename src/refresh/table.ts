// The table inside a feed region, read from the parsed tree with each cell's raw text
// sliced from the file, so researcher markup (`**~$38M**`, `[[NVIDIA\|Nvidia]]`) survives.
import type { RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { plainText } from '../parse/plain-text.js';
import type { FeedRegion, ParsedNote } from '../parse/types.js';
import { ConflictError, TableError } from './errors.js';
import type { NoteLines } from './lines.js';
import { FEED_END, FEED_START } from './marker.js';

export interface CellText {
  /** As written between the pipes, trimmed. */
  raw: string;
  /** Text with markup removed; a wikilink reads as its target. */
  text: string;
  /** Text as a reader sees it; a wikilink reads as its display text. */
  plain: string;
  /** `**`, `*`, `__`, `_` or `==` around the whole cell, kept when its value changes. */
  wrapper: string | null;
}

export interface TableRowText {
  /** File line (1-based). */
  line: number;
  cells: CellText[];
}

export interface CurrentTable {
  /** File lines of the header row and of the last row. */
  firstLine: number;
  lastLine: number;
  header: CellText[];
  rows: TableRowText[];
}

/** The region's table, or null with the line a new table goes after. */
export type RegionTable = { table: CurrentTable } | { table: null; insertAfter: number };

const WRAPPED = /^(\*\*|__|==|\*|_)([\s\S]+)\1$/;
const WRAPPERS = new Set(['strong', 'emphasis', 'highlight']);

export function readRegionTable(note: ParsedNote, region: FeedRegion, lines: NoteLines): RegionTable {
  const shift = note.bodyLine - 1;
  const lineOf = (node: RootContent, end = false): number => (end ? node.position?.end.line : node.position?.start.line) ?? 0;
  const marker = note.tree.children.find((node) => node.type === 'html' && lineOf(node) + shift === region.startLine);
  if (!marker) throw new TableError('feed markers must sit at the top level of the note, not inside a list, quote or callout');
  if (lineOf(marker, true) !== lineOf(marker)) throw new TableError('write the feed marker on one line');
  const endMarker = note.tree.children.find((node) => node.type === 'html' && lineOf(node) + shift === region.endLine);
  if (!endMarker) throw new TableError('put `<!-- /feed -->` on a line of its own at the top level of the note');
  const start = FEED_START.exec(lines.texts[region.startLine - 1] ?? '');
  if (start?.[1] !== region.feed || !FEED_END.test(lines.texts[region.endLine - 1] ?? '')) {
    throw new ConflictError(`the feed markers are no longer on lines ${region.startLine} and ${region.endLine}; the note changed since it was read`);
  }
  const inside = note.tree.children.filter((node) => lineOf(node) + shift > region.startLine && lineOf(node, true) + shift < region.endLine);
  const tables = inside.filter((node): node is Table => node.type === 'table');
  if (tables.length > 1) throw new TableError(`${tables.length} tables between the markers; a feed fills exactly one`);
  const table = tables[0];
  if (!table) {
    const other = inside.find((node) => node.type !== 'html');
    if (other) throw new TableError(`no table between the markers (found a ${other.type} on line ${lineOf(other) + shift})`);
    return { table: null, insertAfter: region.startLine };
  }
  const rows = table.children.map((row): TableRowText => {
    const line = (row.position?.start.line ?? 0) + shift;
    const text = lines.texts[line - 1] ?? '';
    return { line, cells: row.children.map((cell, index) => readCell(cell, text, index === row.children.length - 1)) };
  });
  const [header, ...body] = rows;
  if (!header) throw new TableError('the table has no header row');
  return { table: { firstLine: header.line, lastLine: lineOf(table, true) + shift, header: header.cells, rows: body } };
}

function readCell(cell: TableCell, line: string, last: boolean): CellText {
  let raw = line.slice((cell.position?.start.column ?? 1) - 1, (cell.position?.end.column ?? 1) - 1).trim();
  if (raw.startsWith('|')) raw = raw.slice(1);
  if (last && raw.endsWith('|') && !raw.endsWith('\\|')) raw = raw.slice(0, -1);
  raw = raw.trim();
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  const wrapped = only && WRAPPERS.has(only.type) ? WRAPPED.exec(raw) : null;
  return { raw, text: squash(toString(cell)), plain: squash(plainText(cell)), wrapper: wrapped?.[1] ?? null };
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
