// FRED series observations: `value` is a string and `"."` means no observation.
import { z } from 'zod';
import { FeedError } from '../errors.js';
import type { FeedRecord } from '../records.js';
import { parseJson, shapeError } from './shape.js';

const fredError = z.object({ error_code: z.number(), error_message: z.string() });
const fredSeries = z.object({
  observations: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date'), value: z.string() }).loose()),
});

/** Records: `date`, `value` (a number, or null for `"."`), plus FRED's other fields. */
export function decodeFred(body: string): FeedRecord[] {
  const json = parseJson(body);
  const error = fredError.safeParse(json);
  if (error.success) throw new FeedError(`FRED error ${error.data.error_code}: ${error.data.error_message}`);
  const parsed = fredSeries.safeParse(json);
  if (!parsed.success) throw shapeError('FRED observations', parsed.error);
  return parsed.data.observations.map((observation) => {
    const value = observation.value.trim();
    if (value !== '.' && !/^-?\d+(\.\d+)?$/.test(value)) throw new FeedError(`FRED observation ${observation.date} has value “${value}”, not a number or "."`);
    return { ...observation, value: value === '.' ? null : Number(value) };
  });
}
