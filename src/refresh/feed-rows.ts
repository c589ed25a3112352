// A feed's records → the rows its tables should show: formatted cells, one row per key.
import type { FeedConfig } from '../config/feeds.js';
import { formatCell, type Scalar } from './cell-format.js';
import { FeedError } from './errors.js';
import { fieldValue, type FeedRecord } from './records.js';

export interface FeedRow {
  /** The key column's formatted value. */
  key: string;
  /** The key field as the feed has it (`NVIDIA` for a `link`-formatted `[[NVIDIA]]`). */
  keySource: string;
  /** Table column → cell value (unescaped Markdown). */
  cells: Record<string, string>;
}

/** How each payload format writes a gap, for messages. */
const GAP: Record<FeedConfig['format'], string> = { csv: '', json: '', fred: ' (FRED ".")', 'yahoo-chart': ' (a null bar)', stooq: ' (N/D)' };

export function feedRows(feed: FeedConfig, records: readonly FeedRecord[]): FeedRow[] {
  checkFields(feed, records);
  const rows: FeedRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const label = describeRecord(feed, record, index);
    const cells: Record<string, string> = {};
    for (const [column, spec] of Object.entries(feed.columns)) {
      const value = fieldValue(record, spec.field);
      if (value === null || value === undefined || value === '') {
        if (feed.missing === 'skip') return;
        if (feed.missing === 'error')
          throw new FeedError(
            `${label} has no value for \`${spec.field}\`${GAP[feed.format]} (column ${column}); set \`missing: skip\` or \`missing: blank\` to allow gaps`,
          );
        cells[column] = '';
        continue;
      }
      if (!isScalar(value))
        throw new FeedError(`${label}: \`${spec.field}\` is ${Array.isArray(value) ? 'a list' : 'an object'}, not a value (column ${column})`);
      try {
        cells[column] = formatCell(value, spec);
      } catch (error) {
        throw new FeedError(`${label}: column ${column} (format ${spec.spec}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const key = cells[feed.key] ?? '';
    if (key === '') throw new FeedError(`${label} has an empty key (column ${feed.key})`);
    const previous = seen.get(key.toLowerCase());
    if (previous !== undefined) throw new FeedError(`records ${previous + 1} and ${index + 1} both have key “${key}” (column ${feed.key})`);
    seen.set(key.toLowerCase(), index);
    rows.push({ key, keySource: String(fieldValue(record, feed.columns[feed.key]?.field ?? '') ?? key), cells });
  });
  const kept = feed.last === null ? rows : rows.slice(-feed.last);
  if (kept.length === 0) throw new FeedError('no records left after skipping those with missing values');
  return kept;
}

/** A field no record has is a typo in the config or a changed feed, not a gap. */
function checkFields(feed: FeedConfig, records: readonly FeedRecord[]): void {
  for (const [column, spec] of Object.entries(feed.columns)) {
    if (records.some((record) => fieldValue(record, spec.field) !== undefined)) continue;
    const fields = [...new Set(records.flatMap((record) => Object.keys(record)))];
    throw new FeedError(`no record has field \`${spec.field}\` (column ${column}); the feed's fields are: ${fields.join(', ') || '(none)'}`);
  }
}

function describeRecord(feed: FeedConfig, record: FeedRecord, index: number): string {
  const key = fieldValue(record, feed.columns[feed.key]?.field ?? '');
  return isScalar(key) && key !== '' ? `record ${index + 1} (${String(key)})` : `record ${index + 1}`;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
