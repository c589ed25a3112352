// Tables as data (entity pages, charts, the desk) and the `%% chart: … %%` comments on them.
// Read from the mdast tree, so both parse paths (remark and the fast path) give the same facts.
import type { Table } from 'mdast';
import { slug } from 'github-slugger';
import { plainText } from './plain-text.js';
import type { ChartMark, FeedRegion, TableFact } from './types.js';

/** Off only for the benchmark (`ALMANAC_TABLE_FACTS=off`, bench/lib/features.ts): no table facts,
 * so no entity facts, row ids or charts, to measure what they cost. */
export const TABLE_FACTS = process.env.ALMANAC_TABLE_FACTS !== 'off';

/** `%% chart: bar x=Month y=Flow %%`: the comment's text after `chart:`. */
const CHART = /^\s*chart:\s*([\s\S]*?)\s*$/;

/** The spec of a chart comment, or null for any other comment. */
export function chartSpec(comment: string): string | null {
  const match = CHART.exec(comment);
  return match ? (match[1] ?? '') : null;
}

/**
 * A table's facts. `shift` turns body lines into file lines; `ids` holds the row ids the note
 * has handed out (a row id is the heading's slug and the row's first cell: stable when other
 * rows or tables change; a repeat gets `-2`, `-3`).
 */
export function tableFact(node: Table, heading: string | null, shift: number, ids: Set<string>): TableFact {
  const [head, ...body] = node.children;
  const prefix = `row-${slug(heading ?? '') || 'table'}`;
  const rows = body.map((row, index) => {
    const cells = row.children.map((cell) => squash(plainText(cell)));
    const key = slug(cells[0] ?? '') || String(index + 1);
    let id = `${prefix}-${key}`;
    for (let n = 2; ids.has(id); n++) id = `${prefix}-${key}-${n}`;
    ids.add(id);
    return { line: (row.position?.start.line ?? 1) + shift, columns: row.children.map((cell) => cell.position?.start.column ?? 1), cells, id };
  });
  return {
    line: (node.position?.start.line ?? 1) + shift,
    endLine: (node.position?.end.line ?? 1) + shift,
    heading,
    header: head ? head.children.map((cell) => squash(plainText(cell))) : [],
    rows,
  };
}

/** Each chart comment's table: on the comment's next line, or the one after a feed region's start marker there. */
export function placeCharts(charts: Array<Omit<ChartMark, 'tableLine'> & { endLine: number }>, tables: TableFact[], feeds: FeedRegion[]): ChartMark[] {
  const tableLines = new Set(tables.map((table) => table.line));
  const feedStarts = new Set(feeds.map((feed) => feed.startLine));
  return charts.map(({ endLine, ...chart }) => {
    const next = endLine + 1;
    const tableLine = tableLines.has(next) ? next : feedStarts.has(next) && tableLines.has(next + 1) ? next + 1 : null;
    return { ...chart, tableLine };
  });
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
