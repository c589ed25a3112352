// Where the text of an inline token sits in the source. markdown-it gives block tokens
// line ranges only; inline content is the block's lines with container prefixes (`> `,
// list indentation) removed and the ends trimmed, or one table cell with `\|` unescaped.
import type { Point } from 'unist';

export interface SourceLines {
  lines: string[];
  /** Offset of each line's first character. */
  starts: number[];
}

export function sourceLines(markdown: string): SourceLines {
  const lines = markdown.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return { lines, starts };
}

/** Maps an offset in an inline token's content to a point in the source. */
export type Locator = (offset: number) => Point;

export function point(source: SourceLines, line: number, column: number): Point {
  return { line, column, offset: (source.starts[line - 1] ?? 0) + column - 1 };
}

/** Content made of whole source lines from `firstLine` (1-based) on, each a suffix of its line. */
export function lineLocator(source: SourceLines, content: string, firstLine: number, atxFrom = -1): Locator {
  const columns: number[] = [];
  const offsets: number[] = [];
  let offset = 0;
  content.split('\n').forEach((text, index) => {
    const line = source.lines[firstLine - 1 + index] ?? '';
    offsets.push(offset);
    offset += text.length + 1;
    columns.push(columnOf(line, text, index === 0 ? atxFrom : -1));
  });
  return (at) => {
    let index = offsets.length - 1;
    while (index > 0 && (offsets[index] ?? 0) > at) index--;
    return point(source, firstLine + index, (columns[index] ?? 1) + at - (offsets[index] ?? 0));
  };
}

/** 1-based column where `text` starts in `line`. */
function columnOf(line: string, text: string, atxFrom: number): number {
  if (atxFrom >= 0) {
    const found = text === '' ? -1 : line.indexOf(text, atxFrom);
    return found === -1 ? atxFrom + 1 : found + 1;
  }
  const full = line.trimEnd();
  const part = text.trimEnd();
  if (full.endsWith(part)) return full.length - part.length + 1;
  const found = line.indexOf(part);
  return found === -1 ? 1 : found + 1;
}

export interface CellSpan {
  /** Offset in the line of the pipe before the cell (where remark starts the cell). */
  pipe: number;
  /** Offset in the line of the cell's first non-blank character. */
  start: number;
  raw: string;
}

/** Cells of a table row as written: split at unescaped pipes, outer pipes dropped. */
export function rowCells(line: string): CellSpan[] {
  const cells: CellSpan[] = [];
  let pos = 0;
  while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) pos++;
  let pipe = pos;
  if (line[pos] === '|') pos++;
  let cellStart = pos;
  const push = (end: number): void => {
    let start = cellStart;
    while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
    let stop = end;
    while (stop > start && (line[stop - 1] === ' ' || line[stop - 1] === '\t')) stop--;
    cells.push({ pipe, start, raw: line.slice(start, stop) });
  };
  let escaped = false;
  for (; pos < line.length; pos++) {
    const char = line[pos];
    if (char === '|' && !escaped) {
      push(pos);
      pipe = pos;
      cellStart = pos + 1;
    }
    escaped = char === '\\' && !escaped;
  }
  if (line.slice(cellStart).trim() !== '') push(line.length);
  return cells;
}

/** A cell's content (`\|` read as `|`) mapped back to the row's line. */
export function cellLocator(source: SourceLines, line: number, cell: CellSpan | undefined): Locator {
  if (!cell) return () => point(source, line, 1);
  const raw = cell.raw;
  if (!raw.includes('\\|')) return (at) => point(source, line, cell.start + at + 1);
  const map: number[] = [];
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] === '\\' && raw[index + 1] === '|') continue;
    map.push(index);
  }
  return (at) => point(source, line, cell.start + (map[at] ?? raw.length) + 1);
}
