// almanac.yaml, validated with zod. Unknown keys are errors.
import { z } from 'zod';
import { RULE_IDS, SEVERITIES, type RuleId, type Severity } from './rules.js';
import { siteSchema } from './site.js';
import { feedsSchema } from './feeds.js';
import { staleSchema } from './stale.js';
import { isIsoDate } from '../util/dates.js';

const severity = z.enum(SEVERITIES);

const ruleSeverities = z
  .object(Object.fromEntries(RULE_IDS.map((rule) => [rule, severity.optional()])) as Record<RuleId, z.ZodOptional<typeof severity>>)
  .strict();

const typeSchema = z
  .object({
    /** Frontmatter keys every note of this type must have. */
    required: z.array(z.string()).default([]),
    /** Table columns to lift into the summary at the top of an entity page: `[Target, 2025]`
     * picks those cells wherever a table row links to the note (entities/facts.ts). */
    facts: z.array(z.union([z.string().min(1), z.number().transform(String)])).default([]),
  })
  .strict();

const limitsSchema = z
  .object({
    /** Most files (and folders) the vault may hold; a larger vault is refused. */
    files: z.number().int().positive().default(200_000),
    /** Largest note read, in bytes; a larger note is skipped with a `note-too-large` problem. */
    'note-size': z
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024),
  })
  .strict();

export const configSchema = z
  .object({
    /** Vault folder, relative to almanac.yaml. */
    vault: z.string().min(1).default('notes'),
    /** Build output folder, relative to almanac.yaml. */
    output: z.string().min(1).default('site'),
    /** Vault-relative globs of files to leave out. */
    ignore: z.array(z.string()).default([]),
    /** URL prefix for sub-path hosting, e.g. /almanac/. */
    base: z.string().regex(/^\//, 'must start with /').default('/'),
    /** Severity per rule id; `off` disables a rule. */
    rules: ruleSeverities.default({}),
    /**
     * Note types and their schema. Only when declared is a note whose `type` is not listed
     * invalid; without `types:` any `type` is accepted (a vault Almanac did not write has its own).
     */
    types: z.record(z.string(), typeSchema).optional(),
    /** Published site options (see site.ts). */
    site: siteSchema.prefault({}),
    /** Feed-backed tables: feed name → source, payload format, key and columns (see feeds.ts). */
    feeds: feedsSchema,
    /** Staleness policy: how old a note's date may get, per type (see stale.ts). */
    stale: staleSchema.prefault({}),
    /** The date (YYYY-MM-DD) date rules treat as today, instead of the real one: pins a sample
     * vault's staleness. `--today` and ALMANAC_TODAY override it (see today.ts). */
    today: z.string().refine(isIsoDate, 'must be a date like 2026-01-20').optional(),
    /** Size limits on the vault (see limitsSchema). */
    limits: limitsSchema.prefault({}),
    /** The vault's template folder (Obsidian's Templates or Templater setting): `ignore` leaves
     * template notes out of check and the site (their links and `{{date}}`s are scaffolding), `include` reads them as notes. */
    templates: z.enum(['ignore', 'include']).default('ignore'),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type RuleSeverities = Partial<Record<RuleId, Severity>>;

export function defaultConfig(): Config {
  return configSchema.parse({});
}
