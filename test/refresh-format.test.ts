// Cell formats and the `feeds:` config: what researchers write, and the errors they see.
import { describe, expect, it } from 'vitest';
import { addDuration, parseCellFormat, parseDuration, type FeedColumn } from '../src/config/feeds.js';
import { parseConfig } from '../src/config/load.js';
import { escapeCell, formatCell } from '../src/refresh/index.js';

function column(spec: string, scale = 1): FeedColumn {
  const format = parseCellFormat(spec);
  if (!format) throw new Error(`bad spec ${spec}`);
  return { field: 'x', format, spec, scale };
}

describe('number formats', () => {
  it.each([
    ['+%', 39, '+39%'],
    ['+%', -9, '-9%'],
    ['+%', 0, '0%'],
    ['+%.0', -0.4, '0%'],
    ['+%', -0.4, '-0.4%'],
    ['+%.1', 12.345, '+12.3%'],
    ['%.2', '3.5', '3.50%'],
    ['~$M', 38_000_000, '~$38M'],
    ['~$M', -1_000_000, '~-$1M'],
    ['~$M', 5_500_000, '~$6M'],
    ['~$B.1', 1_250_000_000, '~$1.3B'],
    ['$K', '2,500', '$2.5K'],
    ['~+$T', 1.5e12, '~+$2T'],
    ['x', 29, '29x'],
    ['x.1', 22.04, '22.0x'],
    ['.2', 187.2, '187.20'],
    [',', 1410500, '1,410,500'],
    [',.0', '1208300.4', '1,208,300'],
    ['number', 0.1 + 0.2, '0.3'],
    ['$.2', 20.49, '$20.49'],
  ])('%s formats %s as %s', (spec, value, expected) => {
    expect(formatCell(value, column(spec))).toBe(expected);
  });

  it('divides by `scale` first (fractions as percent)', () => {
    expect(formatCell(0.39, column('+%', 0.01))).toBe('+39%');
    expect(formatCell(38, column('~$M', 1e-6))).toBe('~$38M');
  });

  it('rejects values that are not numbers', () => {
    expect(() => formatCell('N/A', column('+%'))).toThrow('“N/A” is not a number');
    expect(() => formatCell(true, column('x'))).toThrow('“true” is not a number');
  });
});

describe('date, text and link formats', () => {
  it.each([
    ['date', '2025-12-11', '2025-12-11'],
    ['date:MMM', '2025-01', 'Jan'],
    ['date:MMM YYYY', '2025-12-01', 'Dec 2025'],
    ['date:MMMM D, YYYY', '2025-10-29T13:30:00Z', 'October 29, 2025'],
    ['date:[Q]Q YY', '2025-11-15', 'Q4 25'],
    ['date:DD/MM', 1761969600, '01/11'],
    ['date:YYYY', '2024', '2024'],
    ['text', '  NVIDIA ', 'NVIDIA'],
    ['link', 'NVIDIA', '[[NVIDIA]]'],
  ])('%s formats %s as %s', (spec, value, expected) => {
    expect(formatCell(value, column(spec))).toBe(expected);
  });

  it('rejects non-dates and impossible dates', () => {
    expect(() => formatCell('Jan 2025', column('date:MMM'))).toThrow('“Jan 2025” is not a date (YYYY-MM-DD)');
    expect(() => formatCell('2025-02-30', column('date'))).toThrow('“2025-02-30” is not a calendar date');
  });
});

describe('escaping cells', () => {
  it('escapes pipes, line breaks, HTML and live Obsidian syntax, and nothing else', () => {
    expect(escapeCell('a | b')).toBe('a \\| b');
    expect(escapeCell('ends in \\|')).toBe('ends in \\\\\\|');
    expect(escapeCell('one\r\ntwo\nthree')).toBe('one<br>two<br>three');
    expect(escapeCell('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeCell('S&P 500 &amp; more')).toBe('S&P 500 &amp;amp; more');
    // Wikilinks, tags, comments and highlights in a value stay text (issue 12 §5); a `link` column keeps its link.
    expect(escapeCell('**~$38M** [[NVIDIA]]')).toBe('**~$38M** &#91;&#91;NVIDIA]]');
    expect(escapeCell('[[NVIDIA]]', 'link')).toBe('[[NVIDIA]]');
  });
});

describe('durations', () => {
  it('parses 45d, 12w, 6m, 1y and nothing else', () => {
    expect(parseDuration('45d')).toEqual({ count: 45, unit: 'd', text: '45d' });
    expect(parseDuration('12w')?.unit).toBe('w');
    expect(parseDuration('6m')?.count).toBe(6);
    expect(parseDuration('1y')?.unit).toBe('y');
    for (const bad of ['45', 'd', '0d', '1.5m', '2q', '-1d']) expect(parseDuration(bad)).toBeNull();
  });

  it('adds calendar durations, clamping month ends', () => {
    expect(addDuration('2026-01-14', { count: 45, unit: 'd', text: '45d' })).toBe('2026-02-28');
    expect(addDuration('2026-01-31', { count: 1, unit: 'm', text: '1m' })).toBe('2026-02-28');
    expect(addDuration('2024-02-29', { count: 1, unit: 'y', text: '1y' })).toBe('2025-02-28');
    expect(addDuration('2026-01-01', { count: 2, unit: 'w', text: '2w' })).toBe('2026-01-15');
  });
});

describe('feeds: in almanac.yaml', () => {
  const issueExample = `feeds:
  xmag-flows:
    source: data/xmag-flows.csv   # a path relative to almanac.yaml, or an http(s) URL
    format: csv                   # csv | json | fred | yahoo-chart | stooq
    key: Month                    # the table column that identifies a row
    columns:                      # table column: feed field
      Month: month
      Flow: flow
    max-age: 45d                  # used by the staleness issue
`;

  it('accepts the short form `Column: field` exactly as in the issue', () => {
    const feed = parseConfig(issueExample).feeds['xmag-flows'];
    expect(feed).toMatchObject({
      source: 'data/xmag-flows.csv',
      format: 'csv',
      key: 'Month',
      columns: { Month: { field: 'month', format: { kind: 'text' }, scale: 1 }, Flow: { field: 'flow', format: { kind: 'text' } } },
      maxAge: { count: 45, unit: 'd', text: '45d' },
      path: null,
      headers: {},
      missing: 'error',
    });
  });

  it('accepts the long form with a format, and per-feed HTTP limits', () => {
    const config = parseConfig(`feeds:
  prices:
    source: "https://example.test/v8/chart/XMAG?interval=1mo&key=\${KEY}"
    format: yahoo-chart
    key: Month
    columns:
      Month: { field: date, format: "date:MMM YYYY" }
      Close: { field: close, format: "$.2" }
    headers: { Authorization: "Bearer \${TOKEN}" }
    missing: skip
    last: 6
    timeout: 200ms
    max-size: 500KB
    retries: 1
`);
    expect(config.feeds.prices).toMatchObject({
      timeoutMs: 200,
      maxBytes: 512_000,
      retries: 1,
      last: 6,
      missing: 'skip',
      maxAge: null,
      headers: { Authorization: 'Bearer ${TOKEN}' },
    });
  });

  it('names the key and line of each mistake', () => {
    const bad = `feeds:
  flows:
    source: ftp://example.test/flows.csv
    format: xlsx
    key: Month
    columns:
      Month: { field: month, format: "~%$" }
    max-age: 45 days
`;
    let message = '';
    try {
      parseConfig(bad);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message.split('\n')).toEqual([
      'almanac.yaml:3: `feeds.flows.source`: must be an http(s) URL or a path relative to almanac.yaml',
      'almanac.yaml:4: `feeds.flows.format`: Invalid option: expected one of "csv"|"json"|"fred"|"yahoo-chart"|"stooq"',
      'almanac.yaml:7: `feeds.flows.columns.Month.format`: unknown format “~%$” (try text, link, date:MMM YYYY, +%, ~$M, x, .2)',
      'almanac.yaml:8: `feeds.flows.max-age`: must be a duration like 45d, 12w, 6m or 1y',
    ]);
    expect(() => parseConfig('feeds:\n  "bad name!":\n    source: a.csv\n    format: csv\n    key: A\n    columns: { A: a }\n')).toThrow(
      'almanac.yaml:2: `feeds.bad name!`: feed names use letters, digits, `_`, `.` and `-`',
    );
    expect(() => parseConfig('feeds:\n  f:\n    source: a.csv\n    format: csv\n    key: B\n    columns: { A: a }\n    path: rows\n')).toThrow(
      /`feeds\.f\.key`: must be one of the mapped columns \(A\)\nalmanac\.yaml:7: `feeds\.f\.path`: applies to format json only/,
    );
  });
});
