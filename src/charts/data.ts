// A chart's data from its table's facts: labels from the x column, one series per y column,
// numbers read as researchers write them (refresh's cell notation, refresh/cell-format.ts).
import type { ChartMark, FeedRegion, TableFact } from '../parse/types.js';
import { readCellNumber, type CellNumber } from '../refresh/cell-format.js';
import { parseChartSpec, type ChartType } from './grammar.js';

export interface ChartPoint {
  label: string;
  /** The cell as written (`~$38M`), null when it holds no number. */
  text: string;
  value: number | null;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface ChartData {
  type: ChartType;
  x: string;
  series: ChartSeries[];
  /** How the axis writes numbers: the first number's notation. */
  notation: Pick<CellNumber, 'unit' | 'money'>;
}

/** Where a chart's comment and table are: a comment with no table, a table's chart. */
export interface ChartFacts {
  tables: readonly TableFact[];
  charts: readonly ChartMark[];
}

/** The chart drawn under the table on `tableLine`, or why it cannot be drawn. */
export function chartData(mark: ChartMark, table: TableFact | undefined): ChartData | { error: string } {
  const spec = parseChartSpec(mark.spec);
  if ('error' in spec) return spec;
  if (!table) return { error: 'no table on the next line (or after a feed start marker there)' };
  const column = (name: string): number => table.header.findIndex((cell) => cell.toLowerCase() === name.toLowerCase());
  const missing = [spec.x, ...spec.y].filter((name) => column(name) === -1);
  if (missing.length > 0) return { error: `the table has no column ${missing.map((name) => `“${name}”`).join(', ')} (columns: ${table.header.join(', ')})` };
  const x = column(spec.x);
  let notation: ChartData['notation'] | null = null;
  const series = spec.y.map((name) => {
    const index = column(name);
    const points = table.rows.map((row) => {
      const text = row.cells[index] ?? '';
      const number = readCellNumber(text);
      if (number && !notation) notation = { unit: number.unit, money: number.money };
      return { label: row.cells[x] ?? '', text, value: number?.value ?? null };
    });
    return { name: table.header[index] ?? name, points };
  });
  const empty = series.filter((entry) => entry.points.every((point) => point.value === null)).map((entry) => `“${entry.name}”`);
  if (empty.length > 0) return { error: `column ${empty.join(', ')} holds no numbers` };
  return { type: spec.type, x: table.header[x] ?? spec.x, series, notation: notation ?? { unit: '', money: false } };
}

/** The table a chart comment sits on. */
export function chartTable(facts: ChartFacts, mark: ChartMark): TableFact | undefined {
  return mark.tableLine === null ? undefined : facts.tables.find((table) => table.line === mark.tableLine);
}

/** The feed region a table is in, if any. */
export function feedOf(feeds: readonly FeedRegion[], table: TableFact): FeedRegion | undefined {
  return feeds.find((feed) => feed.startLine < table.line && table.endLine < feed.endLine);
}
