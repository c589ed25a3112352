// Merge, don't clobber: feed columns take the feed's values, every other column stays
// the researcher's and travels with its row (matched by key). Rows follow the feed.
import type { FeedConfig } from '../config/feeds.js';
import { escapeCell, renderDelimiter, renderRow, type CellEscape } from './cells.js';
import { TableError } from './errors.js';
import type { FeedRow } from './feed-rows.js';
import { squash, type CurrentTable, type TableRowText } from './table.js';

/** A row the feed no longer has, kept because the researcher wrote in it. */
/** Values that stay one bold/italic/highlight span when wrapped (no markup or escapes of their own). */
const WRAPPABLE = /^[^\s*_=`\\](?:[^*_=`\\]*[^\s*_=`\\])?$/;

export interface KeptRow {
  key: string;
  line: number;
  /** Researcher columns holding text. */
  columns: string[];
}

export interface MergedTable {
  /** The table's lines, without line endings. */
  lines: string[];
  kept: KeptRow[];
  /** Keys of rows removed because the feed no longer has them and they held nothing else. */
  dropped: string[];
}

export function mergeTable(current: CurrentTable | null, rows: readonly FeedRow[], feed: FeedConfig, lineText: (line: number) => string): MergedTable {
  if (!current) {
    const header = Object.keys(feed.columns);
    const body = rows.map((row) => renderRow(header.map((column) => escapeCell(row.cells[column] ?? '', escapeMode(feed, column)))));
    return { lines: [renderRow(header.map((name) => escapeCell(name))), renderDelimiter(header), ...body], kept: [], dropped: [] };
  }
  const names = current.header.map((cell) => cell.text);
  const columnAt: Array<string | undefined> = names.map(() => undefined);
  for (const column of Object.keys(feed.columns)) {
    const index = names.findIndex((name) => name.toLowerCase() === squash(column).toLowerCase());
    if (index < 0) throw new TableError(`the table has no column “${column}” (its columns: ${names.join(', ')})`);
    columnAt[index] = column;
  }
  const keyIndex = columnAt.indexOf(feed.key);
  const width = names.length;
  const matched = matchRows(current.rows, rows, keyIndex);

  const render = (feedRow: FeedRow, row: TableRowText | undefined): string => {
    const cells = names.map((_name, index) => {
      const old = row?.cells[index];
      const column = columnAt[index];
      if (column === undefined) return old?.raw ?? '';
      if (index === keyIndex && old) return old.raw;
      const value = feedRow.cells[column] ?? '';
      const escaped = escapeCell(value, escapeMode(feed, column));
      if (old && (old.raw === escaped || old.text === squash(value))) return old.raw;
      return old?.wrapper && WRAPPABLE.test(escaped) ? `${old.wrapper}${escaped}${old.wrapper}` : escaped;
    });
    if (!row) return renderRow(cells);
    if (cells.every((cell, index) => cell === (row.cells[index]?.raw ?? ''))) return lineText(row.line);
    return renderRow([...cells, ...row.cells.slice(width).map((cell) => cell.raw)]);
  };

  // Rows the feed dropped stay after the row they followed, if the researcher wrote in them.
  const after = new Map<number, string[]>();
  const kept: KeptRow[] = [];
  const dropped: string[] = [];
  let anchor = -1;
  for (const row of current.rows) {
    const position = matched.positionOf.get(row);
    if (position !== undefined) {
      anchor = position;
      continue;
    }
    const key = row.cells[keyIndex]?.text || '(no key)';
    const columns = names.filter((_name, index) => columnAt[index] === undefined && (row.cells[index]?.raw ?? '') !== '');
    if (columns.length === 0) {
      dropped.push(key);
      continue;
    }
    kept.push({ key, line: row.line, columns });
    after.set(anchor, [...(after.get(anchor) ?? []), lineText(row.line)]);
  }
  const lines = [lineText(current.firstLine), lineText(current.firstLine + 1), ...(after.get(-1) ?? [])];
  rows.forEach((feedRow, position) => {
    lines.push(render(feedRow, matched.rowAt[position]), ...(after.get(position) ?? []));
  });
  return { lines, kept, dropped };
}

/** A `link` column writes `[[…]]` on purpose; every other value is text. */
function escapeMode(feed: FeedConfig, column: string): CellEscape {
  return feed.columns[column]?.format.kind === 'link' ? 'link' : 'text';
}

interface Matches {
  /** Table row for each feed row, by feed position. */
  rowAt: Array<TableRowText | undefined>;
  positionOf: Map<TableRowText, number>;
}

/** Keys match on the cell as written, then its text (`**Dec**` → Dec, `[[NVIDIA\|Nvidia]]` → NVIDIA), then what a reader sees. */
function matchRows(tableRows: readonly TableRowText[], feedRows: readonly FeedRow[], keyIndex: number): Matches {
  const norm = (text: string): string => squash(text).toLowerCase();
  const byRaw = new Map<string, TableRowText>();
  const byText = new Map<string, TableRowText>();
  const byPlain = new Map<string, TableRowText>();
  for (const row of tableRows) {
    const cell = row.cells[keyIndex];
    if (!cell || cell.text === '') continue;
    const twin = byText.get(norm(cell.text));
    if (twin) throw new TableError(`rows on lines ${twin.line} and ${row.line} both have the key “${cell.text}”`);
    byText.set(norm(cell.text), row);
    if (!byRaw.has(norm(cell.raw))) byRaw.set(norm(cell.raw), row);
    if (!byPlain.has(norm(cell.plain))) byPlain.set(norm(cell.plain), row);
  }
  const rowAt: Array<TableRowText | undefined> = [];
  const positionOf = new Map<TableRowText, number>();
  feedRows.forEach((feedRow, position) => {
    const keys = [norm(feedRow.key), norm(feedRow.keySource)];
    const candidates = [byRaw.get(keys[0] ?? ''), byText.get(keys[0] ?? ''), byText.get(keys[1] ?? ''), byPlain.get(keys[0] ?? ''), byPlain.get(keys[1] ?? '')];
    const row = candidates.find((candidate) => candidate !== undefined && !positionOf.has(candidate));
    rowAt.push(row);
    if (row) positionOf.set(row, position);
  });
  return { rowAt, positionOf };
}
