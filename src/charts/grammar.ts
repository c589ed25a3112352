// The chart comment's grammar: `%% chart: TYPE x=COLUMN y=COLUMN[,COLUMN…] %%`. A column name
// may hold spaces (`y=Upper bound`) or be quoted (`y="Upper bound","Lower bound"`).
export const CHART_TYPES = ['bar', 'line', 'columns'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartSpec {
  type: ChartType;
  x: string;
  y: string[];
}

const KEY = /(?:^|\s)(\w+)=/g;

/** A chart comment's spec (the text after `chart:`), or what is wrong with it. */
export function parseChartSpec(text: string): ChartSpec | { error: string } {
  const trimmed = text.trim();
  const type = /^\S+/.exec(trimmed)?.[0] ?? '';
  if (!isChartType(type)) return { error: `“${type || trimmed}” is not a chart type (bar, line or columns)` };
  const rest = trimmed.slice(type.length);
  const keys = [...rest.matchAll(KEY)];
  if (keys.length === 0 && rest.trim() !== '') return { error: `“${rest.trim()}” is not x=COLUMN or y=COLUMN` };
  const values = new Map<string, string>();
  keys.forEach((key, index) => {
    const start = (key.index ?? 0) + key[0].length;
    const end = keys[index + 1]?.index ?? rest.length;
    values.set(key[1] ?? '', rest.slice(start, end).trim());
  });
  for (const key of values.keys()) if (key !== 'x' && key !== 'y') return { error: `unknown key “${key}=” (only x= and y=)` };
  const x = unquote(values.get('x') ?? '');
  const y = splitColumns(values.get('y') ?? '');
  if (x === '') return { error: 'no x= column (the labels)' };
  if (y.length === 0) return { error: 'no y= column (the numbers)' };
  if (type === 'bar' && y.length > 1) return { error: `a bar chart draws one y= column (got ${y.length}); use columns for several` };
  return { type, x, y };
}

function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}

/** `2024,2025` or `"Upper bound", "Lower bound"`. */
function splitColumns(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\s*(?:"([^"]*)"|([^,]+))/g)) {
    const name = (match[1] ?? match[2] ?? '').trim();
    if (name !== '') out.push(name);
  }
  return out;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}
