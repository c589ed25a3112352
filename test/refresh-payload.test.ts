// Payload formats: each decoder validates the shape before any record is trusted.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { decodePayload, feedRows } from '../src/refresh/index.js';
import { fixture } from './fixtures/refresh/support.js';

const csv = { format: 'csv', path: null } as const;

function feedConfig(yaml: string) {
  const feed = parseConfig(`feeds:\n  f:\n${yaml.replace(/^/gm, '    ')}`).feeds.f;
  if (!feed) throw new Error('no feed');
  return feed;
}

describe('generic CSV', () => {
  it('reads a header row, quoted fields with commas, quotes and newlines, and CRLF', () => {
    const body = '\uFEFFstock,note\r\n"NVIDIA","AI, again"\r\n"Apple","said ""anti-AI""\r\nplay"\r\n';
    expect(decodePayload(body, 'text/csv', csv)).toEqual([
      { stock: 'NVIDIA', note: 'AI, again' },
      { stock: 'Apple', note: 'said "anti-AI"\r\nplay' },
    ]);
  });

  it('fails on ragged rows, an empty body and a header with no records', () => {
    expect(() => decodePayload('a,b\n1\n', null, csv)).toThrow(/malformed CSV: Invalid Record Length/);
    expect(() => decodePayload('  \n', null, csv)).toThrow('the response is empty');
    expect(() => decodePayload('a,b\n', null, csv)).toThrow('the feed has no records');
  });
});

describe('generic JSON', () => {
  const body = JSON.stringify({ as_of: '2026-01-14', data: { targets: [{ stock: 'NVIDIA', upside: 39, quote: { close: 187.2 } }] } });

  it('follows `path` to the array of records and reads dotted fields', () => {
    const records = decodePayload(body, 'application/json', { format: 'json', path: 'data.targets' });
    expect(records).toEqual([{ stock: 'NVIDIA', upside: 39, quote: { close: 187.2 } }]);
    const feed = feedConfig(
      'source: x.json\nformat: json\npath: data.targets\nkey: Stock\ncolumns:\n  Stock: stock\n  Close: { field: quote.close, format: "$.2" }',
    );
    expect(feedRows(feed, records)).toEqual([{ key: 'NVIDIA', keySource: 'NVIDIA', cells: { Stock: 'NVIDIA', Close: '$187.20' } }]);
  });

  it('says what it found when the path or the records are wrong', () => {
    expect(() => decodePayload(body, null, { format: 'json', path: 'data.rows' })).toThrow('JSON has nothing at `data.rows` (path: data.rows)');
    expect(() => decodePayload(body, null, { format: 'json', path: 'data' })).toThrow('expected an array of records at `data`, found object');
    expect(() => decodePayload('[1, 2]', null, { format: 'json', path: null })).toThrow(/not an array of records at 0/);
    expect(() => decodePayload('{"a": [', null, { format: 'json', path: null })).toThrow(/^malformed JSON/);
  });
});

describe('FRED series observations', () => {
  it('reads string values as numbers and "." as missing', () => {
    const records = decodePayload(fixture('fred-missing.json'), 'application/json', { format: 'fred', path: null });
    expect(records.map((record) => [record.date, record.value])).toEqual([
      ['2025-01-01', 4.5],
      ['2025-02-01', null],
      ['2025-03-01', 4.5],
    ]);
  });

  it('`missing: skip` drops the gaps and `missing: blank` leaves the cell empty; the default fails', () => {
    const records = decodePayload(fixture('fred-missing.json'), null, { format: 'fred', path: null });
    const base = 'source: x\nformat: fred\nkey: Month\ncolumns:\n  Month: { field: date, format: "date:MMM YYYY" }\n  Rate: { field: value, format: "%.2" }';
    expect(feedRows(feedConfig(`${base}\nmissing: skip`), records).map((row) => row.cells)).toEqual([
      { Month: 'Jan 2025', Rate: '4.50%' },
      { Month: 'Mar 2025', Rate: '4.50%' },
    ]);
    expect(feedRows(feedConfig(`${base}\nmissing: blank`), records)[1]?.cells).toEqual({ Month: 'Feb 2025', Rate: '' });
    expect(() => feedRows(feedConfig(base), records)).toThrow(
      'record 2 (2025-02-01) has no value for `value` (FRED ".") (column Rate); set `missing: skip` or `missing: blank` to allow gaps',
    );
  });

  it('turns FRED’s error object and foreign shapes into errors', () => {
    expect(() => decodePayload('{"error_code":400,"error_message":"Bad Request.  The series does not exist."}', null, { format: 'fred', path: null })).toThrow(
      'FRED error 400: Bad Request.  The series does not exist.',
    );
    expect(() => decodePayload('{"observations":[{"date":"2025-01-01"}]}', null, { format: 'fred', path: null })).toThrow(
      /not FRED observations at observations\.0\.value/,
    );
    expect(() => decodePayload('{"observations":[{"date":"2025-01-01","value":"n/a"}]}', null, { format: 'fred', path: null })).toThrow(
      /has value “n\/a”, not a number or "."/,
    );
  });
});

describe('Yahoo v8 chart', () => {
  it('turns timestamps in seconds into exchange-local dates and keeps null bars as gaps', () => {
    const records = decodePayload(fixture('yahoo-chart.json'), 'application/json', { format: 'yahoo-chart', path: null });
    expect(records.map((record) => [record.date, record.close, record.volume])).toEqual([
      ['2025-10-01', 20.49, 1208300],
      ['2025-11-01', 20.96, 1410500],
      ['2025-12-01', null, null],
    ]);
    const feed = feedConfig(
      'source: x\nformat: yahoo-chart\nkey: Month\nmissing: skip\ncolumns:\n  Month: { field: date, format: "date:MMM YYYY" }\n  Close: { field: close, format: "$.2" }',
    );
    expect(feedRows(feed, records).map((row) => row.cells)).toEqual([
      { Month: 'Oct 2025', Close: '$20.49' },
      { Month: 'Nov 2025', Close: '$20.96' },
    ]);
    expect(() => feedRows({ ...feed, missing: 'error' }, records)).toThrow(/record 3 \(2025-12-01\) has no value for `close` \(a null bar\)/);
  });

  it('reports Yahoo’s error object and an empty result', () => {
    expect(() => decodePayload(fixture('yahoo-error.json'), null, { format: 'yahoo-chart', path: null })).toThrow(
      'Yahoo error Not Found: No data found, symbol may be delisted',
    );
    expect(() => decodePayload('{"chart":{"result":[],"error":null}}', null, { format: 'yahoo-chart', path: null })).toThrow('Yahoo chart has no data points');
    expect(() => decodePayload('{"finance":{"result":null}}', null, { format: 'yahoo-chart', path: null })).toThrow(/not a Yahoo chart response at chart/);
  });
});

describe('Stooq CSV', () => {
  it('lower-cases the fields and reads N/D as missing', () => {
    const records = decodePayload(fixture('stooq.csv'), 'text/csv', { format: 'stooq', path: null });
    expect(records[1]).toEqual({ date: '2025-11-28', open: null, high: null, low: null, close: null, volume: null });
    const feed = feedConfig(
      'source: x\nformat: stooq\nkey: Date\nmissing: skip\ncolumns:\n  Date: date\n  Close: { field: close, format: ".2" }\n  Volume: { field: volume, format: "," }',
    );
    expect(feedRows(feed, records).map((row) => row.cells)).toEqual([
      { Date: '2025-10-31', Close: '20.49', Volume: '1,208,300' },
      { Date: '2025-12-31', Close: '20.96', Volume: '1,410,500' },
    ]);
  });

  it('fails on Stooq’s N/D answer and on text that is not its CSV', () => {
    expect(() => decodePayload('N/D', 'text/plain', { format: 'stooq', path: null })).toThrow('Stooq has no data for this symbol (N/D)');
    expect(() => decodePayload('Exceeded the daily hits limit', 'text/plain', { format: 'stooq', path: null })).toThrow(
      /not a Stooq CSV .*“Exceeded the daily hits limit”/,
    );
  });
});

describe('feed rows', () => {
  const feed = feedConfig('source: x\nformat: csv\nkey: Stock\ncolumns:\n  Stock: { field: stock, format: link }\n  Target: { field: upside, format: "+%" }');

  it('names the record and column of a bad value, a missing field and a duplicate key', () => {
    expect(() => feedRows(feed, [{ stock: 'NVIDIA', upside: 'lots' }])).toThrow('record 1 (NVIDIA): column Target (format +%): “lots” is not a number');
    expect(() => feedRows(feed, [{ stock: 'NVIDIA', target: 39 }])).toThrow(
      "no record has field `upside` (column Target); the feed's fields are: stock, target",
    );
    expect(() =>
      feedRows(feed, [
        { stock: 'NVIDIA', upside: 1 },
        { stock: 'nvidia', upside: 2 },
      ]),
    ).toThrow(/records 1 and 2 both have key “\[\[nvidia\]\]”/);
  });

  it('keeps the last N records with `last`', () => {
    const records = [1, 2, 3].map((n) => ({ stock: `S${n}`, upside: n }));
    expect(feedRows({ ...feed, last: 2 }, records).map((row) => row.keySource)).toEqual(['S2', 'S3']);
  });
});
