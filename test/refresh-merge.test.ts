// Merging feed rows into a note's table: the researcher's cells, rows and markup survive.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { parseNote } from '../src/parse/index.js';
import { feedRows, refreshNoteText, type FeedRecord, type FeedTable } from '../src/refresh/index.js';

const TODAY = '2026-02-01';

function feed(yaml: string, records: FeedRecord[]): FeedTable {
  const config = parseConfig(`feeds:\n  f:\n${yaml.replace(/^/gm, '    ')}`).feeds.f;
  if (!config) throw new Error('no feed');
  return { config, rows: feedRows(config, records) };
}

const targets = (records: FeedRecord[]): FeedTable =>
  feed('source: t.json\nformat: json\nkey: Stock\ncolumns:\n  Stock: stock\n  Target: { field: upside, format: "+%" }', records);

function run(source: string, table: FeedTable, name = 'f') {
  return refreshNoteText(parseNote('Note.md', source), source, new Map([[name, table]]), TODAY);
}

const NOTE = `# Targets

<!-- feed: f updated=2026-01-14 -->
| Stock | Target | Notes |
|-------|--------|-------|
| [[NVIDIA\\|Nvidia]] | **+39%** | Highest upside, AI demand |
| [[Microsoft]] | +33% | Copilot monetization |
| [[Tesla]] | **-9%** | |
| [[Google]] | +4% | |
<!-- /feed -->

After.
`;

describe('merge', () => {
  it('matches keys through wikilinks and bold, keeps key cells and researcher markup verbatim', () => {
    const result = run(
      NOTE,
      targets([
        { stock: 'NVIDIA', upside: 41 },
        { stock: 'Microsoft', upside: 33 },
        { stock: 'Tesla', upside: -9 },
        { stock: 'Google', upside: 4 },
      ]),
    );
    expect(result.regions.map((region) => region.status)).toEqual(['updated']);
    expect(result.text).toContain(
      '<!-- feed: f updated=2026-02-01 -->\n| Stock | Target | Notes |\n|-------|--------|-------|\n| [[NVIDIA\\|Nvidia]] | **+41%** | Highest upside, AI demand |\n| [[Microsoft]] | +33% | Copilot monetization |\n| [[Tesla]] | **-9%** | |\n',
    );
  });

  it('changes nothing, not even updated=, when the values are the same', () => {
    const result = run(
      NOTE,
      targets([
        { stock: 'NVIDIA', upside: 39 },
        { stock: 'Microsoft', upside: 33 },
        { stock: 'Tesla', upside: -9 },
        { stock: 'Google', upside: 4 },
      ]),
    );
    expect(result).toMatchObject({ changed: false, text: NOTE });
    expect(result.regions[0]?.status).toBe('unchanged');
  });

  it('drops a row the feed lost only when it holds no researcher content; keeps and reports the others', () => {
    const result = run(
      NOTE,
      targets([
        { stock: 'Meta', upside: 29 },
        { stock: 'Tesla', upside: -9 },
      ]),
    );
    expect(result.text).toContain(
      '|-------|--------|-------|\n| [[NVIDIA\\|Nvidia]] | **+39%** | Highest upside, AI demand |\n| [[Microsoft]] | +33% | Copilot monetization |\n| Meta | +29% | |\n| [[Tesla]] | **-9%** | |\n<!-- /feed -->',
    );
    expect(result.regions[0]?.kept).toEqual([
      { key: 'NVIDIA', line: 6, columns: ['Notes'] },
      { key: 'Microsoft', line: 7, columns: ['Notes'] },
    ]);
    expect(result.regions[0]?.dropped).toEqual(['Google']);
  });

  it('escapes pipes, line breaks and HTML so the table keeps its shape', () => {
    const source = '<!-- feed: f -->\n| Stock | Target |\n|---|---|\n<!-- /feed -->\n';
    const table = feed('source: x\nformat: csv\nkey: Stock\ncolumns:\n  Stock: stock\n  Target: target', [
      { stock: 'A|B', target: 'line one\nline two' },
      { stock: '<img src=x onerror=alert(1)>', target: '| | |' },
    ]);
    const result = run(source, table);
    expect(result.text).toBe(
      '<!-- feed: f updated=2026-02-01 -->\n| Stock | Target |\n|---|---|\n| A\\|B | line one<br>line two |\n| &lt;img src=x onerror=alert(1)&gt; | \\| \\| \\| |\n<!-- /feed -->\n',
    );
    const parsed = parseNote('Note.md', result.text);
    const tableNode = parsed.tree.children.find((node) => node.type === 'table');
    expect(tableNode?.type === 'table' ? tableNode.children.map((row) => row.children.length) : []).toEqual([2, 2, 2]);
    expect(run(result.text, table).changed).toBe(false);
  });

  it('fills an empty region with a new table in the configured column order', () => {
    const source = '# Fed\r\n\r\n<!-- feed: f -->\r\n<!-- /feed -->\r\n';
    const table = feed(
      'source: x\nformat: fred\nkey: Month\ncolumns:\n  Month: { field: date, format: "date:MMM YYYY" }\n  Upper bound: { field: value, format: "%.2" }',
      [
        { date: '2025-11-01', value: 4 },
        { date: '2025-12-01', value: 3.75 },
      ],
    );
    expect(run(source, table).text).toBe(
      '# Fed\r\n\r\n<!-- feed: f updated=2026-02-01 -->\r\n| Month | Upper bound |\r\n|-------|-------------|\r\n| Nov 2025 | 4.00% |\r\n| Dec 2025 | 3.75% |\r\n<!-- /feed -->\r\n',
    );
  });

  it('leaves a table alone, naming the problem, when a column is missing or keys repeat; other regions still refresh', () => {
    const source = `${NOTE}\n<!-- feed: g -->\n| Stock | Upside |\n|---|---|\n| A | 1 |\n| A | 2 |\n<!-- /feed -->\n`;
    const noColumn = feed('source: x\nformat: csv\nkey: Stock\ncolumns:\n  Stock: stock\n  Price: price', [{ stock: 'A', price: 3 }]);
    const note = parseNote('Note.md', source);
    const result = refreshNoteText(
      note,
      source,
      new Map([
        ['f', targets([{ stock: 'NVIDIA', upside: 50 }])],
        ['g', noColumn],
      ]),
      TODAY,
    );
    expect(result.regions.map((region) => [region.status, region.error])).toEqual([
      ['updated', null],
      ['failed', 'the table has no column “Price” (its columns: Stock, Upside)'],
    ]);
    const dupes = feed('source: x\nformat: csv\nkey: Stock\ncolumns:\n  Stock: stock\n  Upside: u', [{ stock: 'A', u: 3 }]);
    const second = refreshNoteText(note, source, new Map([['g', dupes]]), TODAY);
    expect(second.regions[0]?.error).toBe('rows on lines 17 and 18 both have the key “A”');
    expect(second.text).toBe(source);
  });

  it('refuses markers inside a callout and a region holding something other than a table', () => {
    const callout = '> [!note]\n> <!-- feed: f -->\n> | Stock | Target |\n> |---|---|\n> <!-- /feed -->\n';
    const table = targets([{ stock: 'A', upside: 1 }]);
    expect(run(callout, table).regions[0]?.error).toBe('feed markers must sit at the top level of the note, not inside a list, quote or callout');
    const prose = '<!-- feed: f -->\nSome prose.\n<!-- /feed -->\n';
    expect(run(prose, table).regions[0]?.error).toBe('no table between the markers (found a paragraph on line 2)');
  });

  it('wraps a changed value in the old bold only when it stays one bold span (found by the property test)', () => {
    const source = '<!-- feed: f -->\n| Stock | Target |\n|---|---|\n| A | _a_ |\n| B | **b** |\n<!-- /feed -->\n';
    const table = feed('source: x\nformat: csv\nkey: Stock\ncolumns:\n  Stock: stock\n  Target: t', [
      { stock: 'A', t: '_' },
      { stock: 'B', t: 'c' },
    ]);
    const once = run(source, table);
    expect(once.text).toContain('| A | _ |\n| B | **c** |\n');
    expect(run(once.text, table).changed).toBe(false);
  });

  it('says so when the end marker is not on a line of its own (found by the property test)', () => {
    const source = '<!-- feed: f -->\n| Jan | 1 |<!-- /feed -->\n';
    const result = run(source, targets([{ stock: 'A', upside: 1 }]));
    expect(result.regions[0]?.error).toBe('put `<!-- /feed -->` on a line of its own at the top level of the note');
    expect(result.text).toBe(source);
  });

  it('reports a conflict when the text no longer matches the parsed note', () => {
    const note = parseNote('Note.md', NOTE);
    expect(() => refreshNoteText(note, `Inserted line\n${NOTE}`, new Map([['f', targets([{ stock: 'A', upside: 1 }])]]), TODAY)).toThrow(
      /no longer on lines 3 and 10/,
    );
  });
});
