// Property: whatever the note and the feed, no byte outside the feed markers ever changes.
import fc from 'fast-check';
import { propertyRuns } from './support/property.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { parseNote } from '../src/parse/index.js';
import { feedRows, refreshNoteText, type FeedRecord, type FeedTable } from '../src/refresh/index.js';

const config = parseConfig('feeds:\n  f:\n    source: x.csv\n    format: csv\n    key: Key\n    columns:\n      Key: key\n      Value: value\n').feeds.f;
if (!config) throw new Error('no feed');
const KEYS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'];

const text = (chars: string, maxLength = 20): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...chars), maxLength });
const safeChars = 'abcXYZ019 .,:;!?*_[]()#%+-$=^/&"\'';
const cell = text(safeChars, 12).map((value) => value.trim());
/** Values a feed may hold, pipes, line breaks and HTML included. */
const feedValue = text(`${safeChars}|<>\n\r\\`, 16);

const records = fc
  .uniqueArray(fc.constantFrom(...KEYS), { maxLength: KEYS.length })
  .chain((keys) => fc.tuple(...keys.map((key) => feedValue.map((value): FeedRecord => ({ key, value: value.trim() === '' ? 'x' : value })))));
const tableRows = fc
  .uniqueArray(fc.constantFrom(...KEYS), { maxLength: KEYS.length })
  .chain((keys) => fc.tuple(...keys.map((key) => fc.tuple(fc.constantFrom(key, `**${key}**`), cell, cell).map((cells) => cells))));
const paragraph = fc
  .tuple(fc.constantFrom('Word', '#tag', '[[Link]]', '**Bold**', '- item', '> quote', '| a | b |', '%%note%%', '1. one', '## Head'), cell)
  .map(([head, rest]) => `${head} ${rest}`.trim());

const structuredNote = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  frontmatter: fc.boolean(),
  before: fc.array(paragraph, { maxLength: 4 }),
  after: fc.array(paragraph, { maxLength: 4 }),
  updated: fc.boolean(),
  rows: tableRows,
  finalNewline: fc.boolean(),
});

type NoteShape = typeof structuredNote extends fc.Arbitrary<infer T> ? T : never;

function build(note: NoteShape): { source: string; start: number; end: number } {
  const { eol } = note;
  const head = `${note.bom ? '\uFEFF' : ''}${note.frontmatter ? `---${eol}type: etf${eol}---${eol}` : ''}${note.before.map((block) => block + eol + eol).join('')}`;
  const marker = `<!-- feed: f${note.updated ? ' updated=2025-12-31' : ''} -->${eol}`;
  const table = ['| Key | Value | Notes |', '|---|---|---|', ...note.rows.map((row) => `| ${row.join(' | ')} |`)].map((line) => line + eol).join('');
  const tail = `<!-- /feed -->${note.after.map((block) => eol + eol + block).join('')}${note.finalNewline ? eol : ''}`;
  const source = head + marker + table + tail;
  return { source, start: head.length, end: head.length + marker.length + table.length };
}

function table(recordList: FeedRecord[]): FeedTable | null {
  if (!config || recordList.length === 0) return null;
  return { config, rows: feedRows(config, recordList) };
}

const stripUpdated = (line: string): string => line.replace(/ updated=\S+/, '');

describe('refresh never changes a byte outside the markers', () => {
  it('for well-formed notes: outside bytes identical, table refreshed, second run a no-op', () => {
    fc.assert(
      fc.property(structuredNote, records, (note, recordList) => {
        const feed = table(recordList);
        fc.pre(feed !== null);
        if (!feed) return;
        const { source, start, end } = build(note);
        const parsed = parseNote('Note.md', source);
        expect(parsed.feedRegions).toHaveLength(1);
        const result = refreshNoteText(parsed, source, new Map([['f', feed]]), '2026-02-01');
        expect(result.regions[0]?.status).not.toBe('failed');
        const tailLength = source.length - end;
        expect(result.text.slice(0, start)).toBe(source.slice(0, start));
        expect(result.text.slice(result.text.length - tailLength)).toBe(source.slice(end));
        const markerEnd = source.indexOf(note.eol, start);
        const newMarker = result.text.slice(start, result.text.indexOf(note.eol, start));
        expect(stripUpdated(newMarker)).toBe(stripUpdated(source.slice(start, markerEnd)));
        // Every line the refresh wrote uses the note's line ending.
        expect(note.eol === '\r\n' ? result.text.replace(/\r\n/g, '').match(/[\r\n]/) : result.text.match(/\r/)).toBeNull();
        const again = refreshNoteText(parseNote('Note.md', result.text), result.text, new Map([['f', feed]]), '2026-03-01');
        expect(again.text).toBe(result.text);
      }),
      propertyRuns(200),
    );
  });

  it('for arbitrary text around and inside the markers: no throw, and the skeleton outside the regions is unchanged', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<!-- feed: f -->',
        '<!-- /feed -->',
        '<!-- feed: f updated=2025-01-01 -->',
        '| Key | Value |',
        '|---|---|',
        '| Jan | 1 |',
        '```',
        '> ',
        '- ',
        '    ',
        '<div>',
        '%%',
        '---',
      ),
      text(`${safeChars}|<>\`~\\`, 10),
      fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), records, (pieces, recordList) => {
        const feed = table(recordList);
        fc.pre(feed !== null);
        if (!feed) return;
        const source = pieces.join('');
        // parseNote never throws on arbitrary text (a `---text` first line once did).
        const parsed = parseNote('Note.md', source);
        const result = refreshNoteText(parsed, source, new Map([['f', feed]]), '2026-02-01');
        expect(skeleton(result.text)).toBe(skeleton(source));
      }),
      propertyRuns(400),
    );
  });
});

/** The note with the inside of every feed region removed and `updated=` ignored. */
function skeleton(source: string): string {
  const regions = parseNote('Note.md', source).feedRegions;
  const lines = source.split(/(?<=\r\n|\n|\r(?!\n))/);
  return lines
    .filter((_line, index) => !regions.some((region) => index + 1 > region.startLine && index + 1 < region.endLine))
    .map((line, index) => (regions.some((region) => region.startLine === index + 1) ? stripUpdated(line) : line))
    .join('');
}
