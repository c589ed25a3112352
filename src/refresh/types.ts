// refresh()'s options and result: plain data the CLI prints and tests assert on.
import type { ConfigOptions } from '../config/load.js';
import type { HttpOptions } from './http.js';
import type { FeedVia } from './source.js';
import type { Diagnostic } from '../diagnostic.js';
import { formatDiagnostic } from '../report/pretty.js';

export interface RefreshOptions extends ConfigOptions {
  /** Change nothing; report what would change (`diff`, `changed`). Default false. */
  check?: boolean | null | undefined;
  /** Refresh only this feed. Default: every feed. */
  feed?: string | null | undefined;
  /** Read HTTP feeds from the cache only. Default false. */
  offline?: boolean | null | undefined;
  /** Date written into `updated=` (YYYY-MM-DD). Default: today in UTC. */
  today?: string | null | undefined;
  /** HTTP defaults; a feed's `timeout`, `max-size` and `retries` win over these. */
  http?: Partial<HttpOptions> | null | undefined;
  /** Feeds fetched at once. Default 4. */
  concurrency?: number | null | undefined;
  /** Where `${VAR}` in sources and headers is read. Default: process.env. */
  env?: Record<string, string | undefined> | null | undefined;
  /** Use the parsed-note cache in `.almanac/cache`. Default true. */
  cache?: boolean | null | undefined;
  /** Called as each feed finishes loading (the CLI's progress line). */
  onProgress?: ((event: FeedProgress) => void) | null | undefined;
}

export interface FeedReport {
  name: string;
  status: 'ok' | 'failed' | 'unused';
  via: FeedVia | null;
  /** Rows the feed gives its tables. */
  rows: number;
  /** Tables (regions) that use the feed. */
  tables: number;
  error: string | null;
}

export interface FeedProgress {
  index: number;
  total: number;
  report: FeedReport;
}

export interface NoteReport {
  /** Vault-relative path. */
  path: string;
  status: 'updated' | 'would-update' | 'unchanged' | 'conflict' | 'failed';
}

export interface RefreshProblem {
  /** `feed-marker` (as check reports it), `feed-undeclared`, `feed-unused`, `feed-failed`, `table-merge`, `row-kept`, `note-changed`, `refresh-failed`. */
  rule: string;
  severity: 'error' | 'warning';
  /** Vault-relative note path; null for a problem with the config. */
  path: string | null;
  /** Line of the region's start marker. */
  line: number | null;
  feed: string | null;
  message: string;
}

export interface RefreshResult {
  /** Absolute vault folder; problem paths are relative to it. */
  root: string;
  feeds: FeedReport[];
  notes: NoteReport[];
  problems: RefreshProblem[];
  /** Unified diff of every note that changed (or, with `check`, would change). */
  diff: string;
  changed: boolean;
  /** No errors: every feed loaded and every table was merged and written. */
  ok: boolean;
}

/** The problem as a Diagnostic (src/diagnostic.ts): a config problem is placed in almanac.yaml, line 1 when it has none. */
export function refreshDiagnostic(problem: RefreshProblem, prefix = ''): Diagnostic {
  const file = problem.path === null ? 'almanac.yaml' : `${prefix}${problem.path}`;
  return { rule: problem.rule, severity: problem.severity, file, line: problem.line ?? 1, column: 1, message: problem.message };
}

/** `notes/XMAG.md:11:1  error    feed xmag-flows: HTTP 503; table left as it is  feed-failed`, as check prints (prefix: the vault folder). */
export function formatProblem(problem: RefreshProblem, prefix = ''): string {
  return formatDiagnostic(refreshDiagnostic(problem, prefix));
}
