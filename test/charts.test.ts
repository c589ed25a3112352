// Charts from tables (issue 18, part 2): the comment's grammar, numbers read in refresh's cell
// notation, the SVG drawn for a table, the same facts from both parse paths, and invalid-chart.
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { parseChartSpec } from '../src/charts/grammar.js';
import { chartFigure } from '../src/charts/figure.js';
import { niceTicks } from '../src/charts/svg.js';
import { formatCell, readCellNumber } from '../src/refresh/cell-format.js';
import { parseCellFormat, type FeedColumn } from '../src/config/feeds.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refresh } from '../src/refresh/index.js';
import { checkFiles, writeVault } from './support/vault.js';

const FLOWS = `---
updated: 2026-01-14
---
## Monthly flows

%% chart: bar x=Month y=Flow %%
<!-- feed: xmag-flows updated=2026-01-14 -->
| Month | Flow |
|-------|------|
| Jan | ~$10M |
| Feb | ~$5M |
| Jun | ~-$1M |
| Dec | **~$38M** |
<!-- /feed -->

## Returns

%% chart: columns x=Stock y=2024,2025 %%
| Stock | 2024 | 2025 |
|-------|------|------|
| [[NVIDIA]] | +170% | +35% |
| [[Tesla\\|TSLA]] | -5% | n/a |
`;

function titles(svg: string, element: string): string[] {
  return [...svg.matchAll(new RegExp(`<${element} class="chart-s\\d[^"]*"[^>]*><title>([^<]*)</title>`, 'g'))].map((match) => match[1] ?? '');
}

describe('chart comment grammar', () => {
  it('reads type, x and y columns, with spaces or quotes in names', () => {
    expect(parseChartSpec('bar x=Month y=Flow')).toEqual({ type: 'bar', x: 'Month', y: ['Flow'] });
    expect(parseChartSpec('columns x=Stock y=2024,2025')).toEqual({ type: 'columns', x: 'Stock', y: ['2024', '2025'] });
    expect(parseChartSpec('line x=Month y=Upper bound')).toEqual({ type: 'line', x: 'Month', y: ['Upper bound'] });
    expect(parseChartSpec('line y="Upper bound", "Lower bound" x=Month')).toEqual({ type: 'line', x: 'Month', y: ['Upper bound', 'Lower bound'] });
  });

  it('says what is wrong with a spec it cannot read', () => {
    expect(parseChartSpec('pie x=A y=B')).toEqual({ error: expect.stringContaining('“pie” is not a chart type') });
    expect(parseChartSpec('bar y=B')).toEqual({ error: expect.stringContaining('no x=') });
    expect(parseChartSpec('bar x=A')).toEqual({ error: expect.stringContaining('no y=') });
    expect(parseChartSpec('bar x=A y=B colour=red')).toEqual({ error: expect.stringContaining('unknown key “colour=”') });
    expect(parseChartSpec('bar x=A y=B,C')).toEqual({ error: expect.stringContaining('one y= column') });
  });
});

describe('cell numbers', () => {
  it('reads back what refresh writes, for every number format', () => {
    const column = (spec: string): FeedColumn => {
      const format = parseCellFormat(spec);
      if (!format) throw new Error(spec);
      return { field: 'x', format, spec, scale: 1 };
    };
    const cases: Array<[number, string]> = [
      [38_000_000, '~$M'],
      [-1_000_000, '~$M'],
      [39, '+%'],
      [-9, '+%'],
      [29, 'x'],
      [3.625, '%'],
      [1250, ','],
      [4.25, '%.2'],
      [2_500_000_000, '$B.1'],
    ];
    for (const [value, spec] of cases) {
      const written = formatCell(value, column(spec));
      expect(readCellNumber(written)?.value, `${spec}: ${written}`).toBeCloseTo(value, 6);
    }
  });

  it('reads notation as researchers type it and refuses ranges and words', () => {
    expect(readCellNumber('~$38M')).toEqual({ value: 38_000_000, unit: 'M', money: true });
    expect(readCellNumber('−9%')).toEqual({ value: -9, unit: '%', money: false });
    expect(readCellNumber('-$1.5B')?.value).toBe(-1_500_000_000);
    expect(readCellNumber('1,250')?.value).toBe(1250);
    for (const text of ['17-22%', '+6-8%', 'n/a', '', '—', 'Late 2024', '4x November']) expect(readCellNumber(text), text).toBeNull();
  });

  it('ticks are round steps covering the values, zero included', () => {
    expect(niceTicks(-1, 38)).toEqual([-10, 0, 10, 20, 30, 40]);
    expect(niceTicks(0, 4.25)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(3.75, 4.25)).toEqual([3.6, 3.8, 4, 4.2, 4.4]);
    expect(niceTicks(-65, 240)).toEqual([-100, 0, 100, 200, 300]);
  });
});

describe('charts drawn from tables', () => {
  const note = parseNote('Flows.md', FLOWS);

  it('a bar chart has one bar per row, each titled with its label and the cell as written', () => {
    const table = note.tables[0];
    expect(table?.header).toEqual(['Month', 'Flow']);
    const figure = chartFigure({ ...note, date: '2026-01-14' }, table?.line ?? 0) ?? '';
    expect(titles(figure, 'rect')).toEqual(['Jan: ~$10M', 'Feb: ~$5M', 'Jun: ~-$1M', 'Dec: ~$38M']);
    // The negative month is drawn below the zero line.
    const zero = Number(/<line class="chart-zero"[^>]* y1="([\d.]+)"/.exec(figure)?.[1]);
    const june = /<rect class="chart-s0 chart-negative" x="[\d.]+" y="([\d.]+)"/.exec(figure);
    expect(Number(june?.[1])).toBe(zero);
    expect(figure).toContain('Source: feed xmag-flows · as of <time datetime="2026-01-14">2026-01-14</time>');
    expect(figure).not.toContain('<script');
  });

  it('a columns chart has a column per row and series; a cell with no number has none', () => {
    const table = note.tables[1];
    const figure = chartFigure({ ...note, date: '2026-01-14' }, table?.line ?? 0) ?? '';
    expect(titles(figure, 'rect')).toEqual(['NVIDIA, 2024: +170%', 'TSLA, 2024: -5%', 'NVIDIA, 2025: +35%']);
    expect(figure).toContain('Source: Flows · as of <time datetime="2026-01-14">2026-01-14</time>');
    expect(figure).toContain('class="chart-legend"');
  });

  it('a line chart has a point per row', () => {
    const line = parseNote(
      'Fed.md',
      '%% chart: line x=Month y=Upper bound %%\n| Month | Upper bound |\n|---|---|\n| Sep 2025 | 4.25% |\n| Oct 2025 | 4.00% |\n| Dec 2025 | 3.75% |\n',
    );
    const figure = chartFigure(line, line.tables[0]?.line ?? 0) ?? '';
    expect(titles(figure, 'circle')).toEqual(['Sep 2025: 4.25%', 'Oct 2025: 4.00%', 'Dec 2025: 3.75%']);
    expect(figure).toContain('<polyline class="chart-s0 chart-line"');
  });

  it('both parse paths give the same tables and chart comments', () => {
    // `**~$38M**` sends a note to remark (the fast path refuses `*` beside `~`, where micromark's
    // strikethrough changes how emphasis closes), so the fast path reads the same table unbolded.
    const note = FLOWS.replace('**~$38M**', '~$38M');
    expect(note).not.toBe(FLOWS);
    const fast = parseNote('Flows.md', note, 'fast');
    const remark = parseNote('Flows.md', note, 'remark');
    expect(fast.tables).toEqual(remark.tables);
    expect(fast.charts).toEqual(remark.charts);
    expect(remark.charts.map((chart) => [chart.line, chart.tableLine])).toEqual([
      [6, 8],
      [18, 19],
    ]);
  });
});

describe('invalid-chart', () => {
  it('fires at the comment’s line for a chart that cannot be drawn, never for one that can', async () => {
    const result = await checkFiles({
      'Charts.md': [
        '%% chart: bar x=Month y=Flow %%', // 1: fine
        '| Month | Flow |',
        '|---|---|',
        '| Jan | 3 |',
        '',
        '%% chart: bar x=Month y=Inflow %%', // 6: no such column
        '| Month | Flow |',
        '|---|---|',
        '| Jan | 3 |',
        '',
        '%% chart: line x=Month y=Note %%', // 11: no numbers
        '| Month | Note |',
        '|---|---|',
        '| Jan | quiet |',
        '',
        '%% chart: columns x=A y=B %%', // 16: no table next
        '',
        'Text.',
        '',
        '%% chart: donut x=A y=B %%', // 20: unknown type
        '| A | B |',
        '|---|---|',
        '| a | 1 |',
        '',
      ].join('\n'),
    });
    const found = result.problems.filter((problem) => problem.rule === 'invalid-chart');
    expect(found.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity}`)).toEqual([
      'Charts.md:6:1 warning',
      'Charts.md:11:1 warning',
      'Charts.md:16:1 warning',
      'Charts.md:20:1 warning',
    ]);
    expect(found[0]?.message).toContain('no column “Inflow”');
    expect(found[1]?.message).toContain('“Note” holds no numbers');
    expect(found[2]?.message).toContain('no table on the next line');
    expect(found[3]?.message).toContain('“donut” is not a chart type');
  });
});

describe('a chart of a feed table', () => {
  it('follows the table when refresh updates it', async () => {
    const dir = writeVault({
      'almanac.yaml':
        'vault: notes\nfeeds:\n  flows:\n    source: flows.csv\n    format: csv\n    key: Month\n    columns:\n      Month: { field: month, format: "date:MMM" }\n      Flow: { field: flow, format: "~$M" }\n',
      'flows.csv': 'month,flow\n2025-01-01,10000000\n2025-02-01,-2000000\n2025-03-01,38000000\n',
      'notes/Flows.md':
        '## Flows\n\n%% chart: bar x=Month y=Flow %%\n<!-- feed: flows updated=2025-01-01 -->\n| Month | Flow |\n|-------|------|\n| Jan | ~$1M |\n<!-- /feed -->\n',
    });
    const result = await refresh({ cwd: dir, today: '2026-01-14', cache: false });
    expect(result.problems).toEqual([]);
    const text = readFileSync(join(dir, 'notes/Flows.md'), 'utf8');
    const note = parseNote('Flows.md', text);
    const figure = chartFigure(note, note.tables[0]?.line ?? 0) ?? '';
    expect(titles(figure, 'rect')).toEqual(['Jan: ~$10M', 'Feb: ~-$2M', 'Mar: ~$38M']);
    expect(figure).toContain('as of <time datetime="2026-01-14">2026-01-14</time>');
  });
});

describe('hostile chart input', () => {
  it('escapes labels and column names; a note cannot smuggle markup into the SVG', () => {
    const note = parseNote(
      'Evil.md',
      '%% chart: columns x=Who y=A,B %%\n| Who | <b>A</b> | B |\n|---|---|---|\n| `<script>alert(1)</script>` | 1 | 2 |\n| "quoted" & <i>x</i> | 3 | 4 |\n',
    );
    const figure = chartFigure(note, note.tables[0]?.line ?? 0) ?? '';
    expect(figure).toContain('<svg class="chart-svg chart-columns"');
    expect(figure).not.toMatch(/<script|<b>|<i>/);
    expect(figure).toContain('&lt;script&gt;alert(1)&lt;/script&gt;, B: 2');
    expect(figure).toContain('&quot;quoted&quot; &amp; x');
  });
});
