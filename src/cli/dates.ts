import { UsageError } from '../errors.js';
import { isIsoDate } from '../util/dates.js';

/**
 * `--today YYYY-MM-DD` (a real calendar date), else ALMANAC_TODAY (for CI), else undefined:
 * the library then takes `today:` from almanac.yaml or the real date (config/today.ts).
 */
export function parseToday(value: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const [name, given] = value !== undefined ? ['--today', value] : ['ALMANAC_TODAY', env.ALMANAC_TODAY];
  if (given === undefined || given === '') return undefined;
  const text = String(given);
  if (!isIsoDate(text)) throw new UsageError(`${name} must be a date like 2026-01-20 (got “${text}”)`);
  return text;
}
