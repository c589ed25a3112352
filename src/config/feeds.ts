// `feeds:` in almanac.yaml: where each feed-backed table gets its data and how cells are written.
import { z } from 'zod';

export const PAYLOAD_FORMATS = ['csv', 'json', 'fred', 'yahoo-chart', 'stooq'] as const;
export type PayloadFormat = (typeof PAYLOAD_FORMATS)[number];

export const MISSING_POLICIES = ['error', 'skip', 'blank'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

/** `45d`, `12w`, `6m`, `1y`: calendar units, so months and years are not fixed day counts. */
export interface Duration {
  count: number;
  unit: 'd' | 'w' | 'm' | 'y';
  /** As written in the config. */
  text: string;
}

export type NumberUnit = '' | '%' | 'x' | 'K' | 'M' | 'B' | 'T';

/** How a feed value is written into a cell; parsed from a column's `format` string. */
export type CellFormat =
  | { kind: 'text' }
  | { kind: 'link' }
  | { kind: 'date'; pattern: string }
  | { kind: 'number'; approx: boolean; sign: boolean; money: boolean; group: boolean; unit: NumberUnit; decimals: number | null };

export interface FeedColumn {
  /** Field of the feed's records (dots walk into nested JSON objects). */
  field: string;
  format: CellFormat;
  /** The format as written, for messages. */
  spec: string;
  /** Numbers are divided by this before formatting (1 unless set). */
  scale: number;
}

export interface FeedConfig {
  /** An http(s) URL or a path relative to almanac.yaml (inside its folder unless `allowOutside`); `${VAR}` is read from the environment. */
  source: string;
  format: PayloadFormat;
  /** The table column that identifies a row. */
  key: string;
  /** Table column → feed field, in the order a new table's header uses. */
  columns: Record<string, FeedColumn>;
  /** `json` only: dotted path to the array of records (`data.rows`); null: the document itself. */
  path: string | null;
  /** Request headers; values may hold `${VAR}` taken from the environment at request time. */
  headers: Record<string, string>;
  missing: MissingPolicy;
  /** Keep only the last N records (long daily series). */
  last: number | null;
  maxAge: Duration | null;
  timeoutMs: number | null;
  maxBytes: number | null;
  retries: number | null;
  /** A file source may resolve outside almanac.yaml's folder (`allow-outside: true`). */
  allowOutside: boolean;
}

const DURATION = /^(\d+)(d|w|m|y)$/;
const NUMBER_FORMAT = /^(~)?(\+)?(\$)?(,)?(%|x|K|M|B|T)?(?:\.(\d))?$/;
const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function parseDuration(text: string): Duration | null {
  const match = DURATION.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const count = Number(match[1]);
  if (count <= 0) return null;
  return { count, unit: match[2] as Duration['unit'], text: text.trim() };
}

/** The date `duration` after `date` (YYYY-MM-DD), month ends clamped (Jan 31 + 1m = Feb 28). */
export function addDuration(date: string, duration: Duration): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  if (duration.unit === 'd' || duration.unit === 'w') {
    const days = duration.count * (duration.unit === 'w' ? 7 : 1);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  }
  const months = duration.count * (duration.unit === 'y' ? 12 : 1);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Parse a column format (see README, "Refresh"); null when it is not one. */
export function parseCellFormat(spec: string): CellFormat | null {
  const text = spec.trim();
  if (text === '' || text === 'text') return { kind: 'text' };
  if (text === 'link') return { kind: 'link' };
  if (text === 'date') return { kind: 'date', pattern: 'YYYY-MM-DD' };
  if (text.startsWith('date:')) return text.length > 5 ? { kind: 'date', pattern: text.slice(5) } : null;
  if (text === 'number') return { kind: 'number', approx: false, sign: false, money: false, group: false, unit: '', decimals: null };
  const match = NUMBER_FORMAT.exec(text);
  if (!match) return null;
  const [, approx, sign, money, group, unit, decimals] = match;
  return {
    kind: 'number',
    approx: Boolean(approx),
    sign: Boolean(sign),
    money: Boolean(money),
    group: Boolean(group),
    unit: (unit ?? '') as NumberUnit,
    decimals: decimals === undefined ? null : Number(decimals),
  };
}

/** Names of the environment variables a `${VAR}` template reads. */
export function envReferences(template: string): string[] {
  return [...template.matchAll(ENV_REF)].map((match) => match[1] ?? '');
}

/** Fill `${VAR}` from `env`; the names of unset variables are returned instead. */
export function expandEnv(template: string, env: Record<string, string | undefined>): { value: string; missing: string[] } {
  const missing = envReferences(template).filter((name) => env[name] === undefined);
  return { value: template.replace(ENV_REF, (_whole, name: string) => env[name] ?? ''), missing };
}

const unitNumber = (what: string, pattern: RegExp, scale: Record<string, number>) =>
  z.string().transform((text, ctx) => {
    const match = pattern.exec(text.trim());
    if (!match?.[1] || !match[2] || Number(match[1]) <= 0) {
      ctx.addIssue({ code: 'custom', message: `must be ${what}` });
      return z.NEVER;
    }
    return Number(match[1]) * (scale[match[2]] ?? 1);
  });

/** `Column: field` is short for `Column: { field: field }`. */
const columnSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { field: value } : value),
  z
    .object({ field: z.string().min(1), format: z.string().default('text'), scale: z.number().positive().default(1) })
    .strict()
    .transform((column, ctx): FeedColumn => {
      const format = parseCellFormat(column.format);
      if (!format) {
        ctx.addIssue({ code: 'custom', message: `unknown format “${column.format}” (try text, link, date:MMM YYYY, +%, ~$M, x, .2)`, path: ['format'] });
        return z.NEVER;
      }
      return { field: column.field, format, spec: column.format, scale: column.scale };
    }),
);

const sourceSchema = z
  .string()
  .min(1)
  .refine((source) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^https?:\/\//i.test(source), 'must be an http(s) URL or a path relative to almanac.yaml');

export const feedSchema = z
  .object({
    source: sourceSchema,
    format: z.enum(PAYLOAD_FORMATS),
    key: z.string().min(1),
    columns: z.record(z.string().min(1), columnSchema).refine((columns) => Object.keys(columns).length > 0, 'must map at least one column'),
    path: z.string().min(1).optional(),
    headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be a header name'), z.string()).default({}),
    missing: z.enum(MISSING_POLICIES).default('error'),
    last: z.number().int().positive().optional(),
    'max-age': z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return null;
        const duration = parseDuration(text);
        if (!duration) ctx.addIssue({ code: 'custom', message: 'must be a duration like 45d, 12w, 6m or 1y' });
        return duration;
      }),
    timeout: unitNumber('a time like 200ms or 10s', /^(\d+)(ms|s)$/, { ms: 1, s: 1000 }).optional(),
    'max-size': unitNumber('a size like 500KB or 5MB', /^(\d+)\s*(B|KB|MB)$/, { B: 1, KB: 1024, MB: 1024 * 1024 }).optional(),
    retries: z.number().int().min(0).max(10).optional(),
    'allow-outside': z.boolean().default(false),
  })
  .strict()
  .superRefine((feed, ctx) => {
    if (!(feed.key in feed.columns))
      ctx.addIssue({ code: 'custom', message: `must be one of the mapped columns (${Object.keys(feed.columns).join(', ')})`, path: ['key'] });
    if (feed.path !== undefined && feed.format !== 'json') ctx.addIssue({ code: 'custom', message: 'applies to format json only', path: ['path'] });
  })
  .transform(
    (feed): FeedConfig => ({
      source: feed.source,
      format: feed.format,
      key: feed.key,
      columns: feed.columns,
      path: feed.path ?? null,
      headers: feed.headers,
      missing: feed.missing,
      last: feed.last ?? null,
      maxAge: feed['max-age'],
      timeoutMs: feed.timeout ?? null,
      maxBytes: feed['max-size'] ?? null,
      retries: feed.retries ?? null,
      allowOutside: feed['allow-outside'],
    }),
  );

/** Feed names are what `<!-- feed: NAME -->` accepts. */
export const feedsSchema = z
  .record(z.string(), feedSchema)
  .superRefine((feeds, ctx) => {
    for (const name of Object.keys(feeds)) {
      if (!/^[\w.-]+$/.test(name)) ctx.addIssue({ code: 'custom', message: 'feed names use letters, digits, `_`, `.` and `-`', path: [name] });
    }
  })
  .default({});

export type FeedsConfig = Record<string, FeedConfig>;
