// The date that date rules treat as today: the caller's (`--today`, ALMANAC_TODAY), else
// `today:` in almanac.yaml, else the real date in UTC.
import { todayUtc } from '../util/dates.js';
import type { Config } from './schema.js';

export function todayOf(config: Pick<Config, 'today'>, given?: string | null | undefined): string {
  return given ?? config.today ?? todayUtc();
}
