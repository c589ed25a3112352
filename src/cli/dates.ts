import { UsageError } from '../errors.js';
import { isIsoDate, todayUtc } from '../util/dates.js';

/** `--today YYYY-MM-DD` (a real calendar date), or today's date in UTC. */
export function parseToday(value: string | undefined): string {
  if (value === undefined) return todayUtc();
  const text = String(value);
  if (!isIsoDate(text)) {
    throw new UsageError(`--today must be a date like 2026-01-20 (got “${text}”)`);
  }
  return text;
}
