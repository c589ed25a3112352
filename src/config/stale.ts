// `stale:` in almanac.yaml: how long each note type stays current.
import { z } from 'zod';
import { parseDuration, type Duration } from './feeds.js';

export const durationSchema = z.string().transform((text, context): Duration => {
  const duration = parseDuration(text);
  if (!duration) {
    context.addIssue({ code: 'custom', message: `“${text}” is not a duration like 30d, 12w, 6m or 1y` });
    return z.NEVER;
  }
  return duration;
});

export const staleSchema = z
  .object({
    /** Age after which a note of a type without its own entry is stale. */
    default: durationSchema.prefault('180d'),
    /** Per note type. */
    types: z.record(z.string(), durationSchema).default({}),
    /** Severity of stale-note and stale-table (a `rules:` entry wins). */
    severity: z.enum(['error', 'warning']).default('warning'),
  })
  .strict();

export type StaleConfig = z.output<typeof staleSchema>;
