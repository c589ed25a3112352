import { UsageError } from '../errors.js';

/** `--today YYYY-MM-DD` (a real calendar date), or today's date in UTC. */
export function parseToday(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  const text = String(value);
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--today must be a date like 2026-01-20 (got “${text}”)`);
  }
  return text;
}
