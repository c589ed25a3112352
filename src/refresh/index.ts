import { UsageError } from '../errors.js';
import type { FeedRegion, ParsedNote } from '../parse/types.js';
import { openProject, readProject, type Project } from '../project/index.js';
import { VERSION } from '../version.js';
import { cacheDir } from './cache.js';
import type { FeedConfig } from '../config/feeds.js';
import { FeedError, messageOf } from './errors.js';
import { feedRows, type FeedRow } from './feed-rows.js';
import type { FeedRecord } from './records.js';
import type { HttpOptions } from './http.js';
import { mapLimit } from '../util/concurrency.js';
import { isIsoDate, todayUtc } from '../util/dates.js';
import type { FeedTable } from './note.js';
import { markerProblems } from './markers.js';
import { loadFeed } from './source.js';
import type { FeedReport, RefreshOptions, RefreshProblem, RefreshResult } from './types.js';
import { refreshNotes } from './notes-run.js';

export * from './types.js';
export { refreshNoteText, type FeedTable, type NoteRefresh, type RegionOutcome } from './note.js';
export { feedRows, type FeedRow } from './feed-rows.js';
export { formatCell } from './cell-format.js';
export { escapeCell } from './cells.js';
export { decodePayload } from './payload/index.js';
export type { FeedRecord } from './records.js';
export type { HttpOptions } from './http.js';
export type { FeedVia } from './source.js';
export { FeedError, TableError, ConflictError } from './errors.js';

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 10_000,
  retries: 2,
  retryDelayMs: 500,
  maxRetryDelayMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  userAgent: `almanac/${VERSION} (feed refresh)`,
};

/** Open the project (one read, one parse, the parsed-note cache) and refresh it. */
export async function refresh(options: RefreshOptions = {}): Promise<RefreshResult> {
  const files = await readProject(options);
  checkFeedName(options.feed ?? null, files.config.feeds);
  const project = await openProject({ files, cache: options.cache !== false });
  const { scan } = files;
  const parsedHashes = new Map(scan.paths.map((path, index) => [path, scan.hashes[index] ?? '']));
  return refreshProject(project, options, parsedHashes);
}

interface Usage {
  note: ParsedNote;
  region: FeedRegion;
}

/**
 * Refresh an opened project. `parsedHashes` (path → `hashSource` of the text that was parsed,
 * as `scanVault` gives) lets an edit made since the parse be caught even when the markers did not move.
 */
export async function refreshProject(
  project: Project,
  options: RefreshOptions = {},
  parsedHashes: ReadonlyMap<string, string> = new Map(),
): Promise<RefreshResult> {
  const today = options.today ?? todayUtc();
  if (!isIsoDate(today)) throw new UsageError(`today must be a date like 2026-01-20 (got “${today}”)`);
  const declared = project.config.feeds;
  const only = options.feed ?? null;
  checkFeedName(only, declared);
  const problems: RefreshProblem[] = [];
  const { usages, brokenNotes } = feedUsages(project, only, problems);

  const names = Object.keys(declared).filter((name) => only === null || name === only);
  const used = names.filter((name) => (usages.get(name) ?? []).length > 0);
  const reports = new Map<string, FeedReport>();
  for (const name of names.filter((name) => !used.includes(name))) {
    reports.set(name, { name, status: 'unused', via: null, rows: 0, tables: 0, error: null });
    problems.push({
      rule: 'feed-unused',
      severity: 'warning',
      path: null,
      line: null,
      feed: name,
      message: `feed ${name}: no note has a \`<!-- feed: ${name} -->\` table`,
    });
  }

  const tables = await loadTables(project, options, used, usages, reports, problems);
  const touched = project.vault.notes.filter((note) => !brokenNotes.has(note.path) && note.feedRegions.some((region) => tables.has(region.feed)));
  const { notes, diff } = await refreshNotes(project, touched, { tables, today, check: options.check === true, parsedHashes, problems });
  return {
    root: project.vault.root,
    feeds: names.map((name) => reports.get(name)).filter((report): report is FeedReport => report !== undefined),
    notes,
    problems,
    diff,
    changed: diff !== '',
    ok: !problems.some((problem) => problem.severity === 'error'),
  };
}

/** Each declared feed's tables in the notes (feed `only`, or all); notes with broken markers are reported and left out. */
function feedUsages(project: Project, only: string | null, problems: RefreshProblem[]): { usages: Map<string, Usage[]>; brokenNotes: Set<string> } {
  const usages = new Map<string, Usage[]>(Object.keys(project.config.feeds).map((name) => [name, []]));
  const brokenNotes = new Set<string>();
  for (const note of project.vault.notes) {
    // Broken markers make the note's regions uncertain: report them and leave the note alone.
    const broken = markerProblems(note).filter((problem) => only === null || problem.feed === null || problem.feed === only);
    for (const problem of broken)
      problems.push({ rule: 'feed-marker', severity: 'error', path: note.path, line: problem.line, feed: problem.feed, message: problem.message });
    if (broken.length > 0) {
      brokenNotes.add(note.path);
      continue;
    }
    for (const region of note.feedRegions) {
      if (only !== null && region.feed !== only) continue;
      const list = usages.get(region.feed);
      if (list) list.push({ note, region });
      else
        problems.push({
          rule: 'feed-undeclared',
          severity: 'error',
          path: note.path,
          line: region.startLine,
          feed: region.feed,
          message: `feed ${region.feed}: not declared under \`feeds:\` in almanac.yaml`,
        });
    }
  }
  return { usages, brokenNotes };
}

/** Load every used feed (a few at a time) into its table rows; a feed that fails is reported at each of its tables. */
async function loadTables(
  project: Project,
  options: RefreshOptions,
  used: string[],
  usages: ReadonlyMap<string, Usage[]>,
  reports: Map<string, FeedReport>,
  problems: RefreshProblem[],
): Promise<Map<string, FeedTable>> {
  const declared = project.config.feeds;
  const context = {
    dir: project.dir,
    cacheDir: cacheDir(project.dir),
    offline: options.offline === true,
    writeCache: true,
    http: { ...DEFAULT_HTTP, ...options.http },
    env: options.env ?? process.env,
  };
  const tables = new Map<string, FeedTable>();
  let done = 0;
  await mapLimit(used, options.concurrency ?? 4, async (name) => {
    const config = declared[name];
    if (!config) return;
    const count = usages.get(name)?.length ?? 0;
    let report: FeedReport;
    try {
      const loaded = await loadFeed(name, config, context);
      const rows = loaded.outside ? quietRows(name, config, loaded.records) : feedRows(config, loaded.records);
      tables.set(name, { config, rows });
      report = { name, status: 'ok', via: loaded.via, rows: rows.length, tables: count, error: null };
    } catch (error) {
      report = { name, status: 'failed', via: null, rows: 0, tables: count, error: messageOf(error) };
      for (const { note, region } of usages.get(name) ?? []) {
        problems.push({
          rule: 'feed-failed',
          severity: 'error',
          path: note.path,
          line: region.startLine,
          feed: name,
          message: `feed ${name}: ${report.error ?? ''}; table left as it is`,
        });
      }
    }
    reports.set(name, report);
    options.onProgress?.({ index: ++done, total: used.length, report });
  });
  return tables;
}

function quietRows(name: string, config: FeedConfig, records: readonly FeedRecord[]): FeedRow[] {
  try {
    return feedRows(config, records);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    throw new FeedError(`${config.source} does not fit the columns of feed ${name} (details hidden: the file is outside the project)`);
  }
}

function checkFeedName(name: string | null, declared: Record<string, unknown>): void {
  if (name !== null && !(name in declared)) {
    throw new UsageError(`unknown feed “${name}”; almanac.yaml declares ${Object.keys(declared).join(', ') || 'no feeds'}`);
  }
}
