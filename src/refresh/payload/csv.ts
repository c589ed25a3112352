// Generic CSV (header row, quoted fields, CRLF) and Stooq's daily CSV (`N/D` for no data).
import { parse } from 'csv-parse/sync';
import { FeedError } from '../errors.js';
import type { FeedRecord } from '../records.js';
import { snippet } from './shape.js';

export function decodeCsv(body: string): FeedRecord[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(body, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new FeedError(`malformed CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return rows;
}

const STOOQ_HEADER = /^\uFEFF?date,open,high,low,close/i;

/** Fields are lower-cased (`date`, `open`, `high`, `low`, `close`, `volume`); `N/D` is missing. */
export function decodeStooq(body: string): FeedRecord[] {
  const text = body.trim();
  if (/^(N\/D|No data)$/i.test(text)) throw new FeedError('Stooq has no data for this symbol (N/D)');
  if (!STOOQ_HEADER.test(text)) throw new FeedError(`not a Stooq CSV (expected a Date,Open,High,Low,Close header): ${snippet(text)}`);
  return decodeCsv(text).map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value === 'N/D' ? null : value])));
}
