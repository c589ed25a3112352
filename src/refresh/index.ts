// refresh: fill every feed-backed table from its feed, in the notes themselves.
import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { UsageError } from '../errors.js';
import type { FeedRegion, ParsedNote } from '../parse/types.js';
import { openProject, readProject, type Project } from '../project/index.js';
import { hashSource } from '../vault/cache.js';
import { VERSION } from '../version.js';
import { cacheDir } from './cache.js';
import type { FeedConfig } from '../config/feeds.js';
import { ConflictError, FeedError, messageOf } from './errors.js';
import { feedRows, type FeedRow } from './feed-rows.js';
import type { FeedRecord } from './records.js';
import type { HttpOptions } from './http.js';
import { mapLimit } from '../util/concurrency.js';
import { isIsoDate, todayUtc } from '../util/dates.js';
import { refreshNoteText, type FeedTable, type NoteRefresh } from './note.js';
import { markerProblems } from './markers.js';
import { loadFeed } from './source.js';
import type { FeedReport, NoteReport, RefreshOptions, RefreshProblem, RefreshResult } from './types.js';
import { contentHash, removeStaleTemps, writeNote } from './write.js';

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
export async function refreshProject(project: Project, options: RefreshOptions = {}, parsedHashes: ReadonlyMap<string, string> = new Map()): Promise<RefreshResult> {
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
    problems.push({ rule: 'feed-unused', severity: 'warning', path: null, line: null, feed: name, message: `feed ${name}: no note has a \`<!-- feed: ${name} -->\` table` });
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
    for (const problem of broken) problems.push({ rule: 'feed-marker', severity: 'error', path: note.path, line: problem.line, feed: problem.feed, message: problem.message });
    if (broken.length > 0) {
      brokenNotes.add(note.path);
      continue;
    }
    for (const region of note.feedRegions) {
      if (only !== null && region.feed !== only) continue;
      const list = usages.get(region.feed);
      if (list) list.push({ note, region });
      else problems.push({ rule: 'feed-undeclared', severity: 'error', path: note.path, line: region.startLine, feed: region.feed, message: `feed ${region.feed}: not declared under \`feeds:\` in almanac.yaml` });
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
        problems.push({ rule: 'feed-failed', severity: 'error', path: note.path, line: region.startLine, feed: name, message: `feed ${name}: ${report.error ?? ''}; table left as it is` });
      }
    }
    reports.set(name, report);
    options.onProgress?.({ index: ++done, total: used.length, report });
  });
  return tables;
}

interface NotesRun {
  tables: ReadonlyMap<string, FeedTable>;
  today: string;
  check: boolean;
  parsedHashes: ReadonlyMap<string, string>;
  problems: RefreshProblem[];
}

/** Refresh each touched note in turn; one note's failure is its own problem. */
async function refreshNotes(project: Project, touched: ParsedNote[], run: NotesRun): Promise<{ notes: NoteReport[]; diff: string }> {
  const { tables, today, check, parsedHashes, problems } = run;
  const notes: NoteReport[] = [];
  let diff = '';
  const started = Date.now();
  // A symlinked note and its target (both in the vault) are one file: refreshed once.
  const seen = new Map<string, NoteReport['status']>();
  for (const note of touched) {
    const real = await realpath(join(project.vault.root, note.path)).catch(() => null);
    const twin = real === null ? undefined : seen.get(real);
    if (twin !== undefined) {
      notes.push({ path: note.path, status: twin === 'updated' ? 'unchanged' : twin });
      continue;
    }
    let outcome: { status: NoteReport['status']; diff: string };
    try {
      outcome = await refreshNote(project, note, tables, today, check, parsedHashes.get(note.path) ?? null, problems, started);
    } catch (error) {
      // One note's trouble (a bug, an unreadable file) is that note's problem; the others still refresh.
      problems.push({ rule: 'refresh-failed', severity: 'error', path: note.path, line: note.feedRegions[0]?.startLine ?? null, feed: null, message: `could not refresh the note: ${messageOf(error)}` });
      outcome = { status: 'failed', diff: '' };
    }
    if (real !== null) seen.set(real, outcome.status);
    notes.push({ path: note.path, status: outcome.status });
    diff += outcome.diff;
  }
  return { notes, diff };
}

/** Rows of a file outside the project: a failure names no value or field from it. */
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

async function refreshNote(
  project: Project,
  note: ParsedNote,
  tables: ReadonlyMap<string, FeedTable>,
  today: string,
  check: boolean,
  parsedHash: string | null,
  problems: RefreshProblem[],
  started: number,
): Promise<{ status: NoteReport['status']; diff: string }> {
  const file = join(project.vault.root, note.path);
  const firstLine = note.feedRegions[0]?.startLine ?? null;
  const fail = (message: string, status: NoteReport['status']): { status: NoteReport['status']; diff: string } => {
    problems.push({ rule: status === 'conflict' ? 'note-changed' : 'refresh-failed', severity: 'error', path: note.path, line: firstLine, feed: null, message });
    return { status, diff: '' };
  };
  const conflict = 'the note changed on disk while refresh ran (an edit in Obsidian?); kept it as it is — run refresh again';
  // Temp files a killed run left beside this note (never in --check, which writes nothing).
  if (!check) await removeStaleTemps(file, started);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return fail(conflict, 'conflict');
    return fail(`cannot read the note (${code || messageOf(error)}); left as it is`, 'failed');
  }
  const source = bytes.toString('utf8');
  if (!Buffer.from(source, 'utf8').equals(bytes)) return fail('the note is not valid UTF-8; left as it is', 'failed');
  // The scan may hash the text with or without its BOM (a decoder drops it); either is the note as read.
  if (parsedHash !== null && hashSource(source) !== parsedHash && hashSource(source.replace(/^\uFEFF/, '')) !== parsedHash) return fail(conflict, 'conflict');
  let result: NoteRefresh;
  try {
    result = refreshNoteText(note, source, tables, today);
  } catch (error) {
    if (error instanceof ConflictError) return fail(`${conflict} (${error.message})`, 'conflict');
    throw error;
  }
  for (const region of result.regions) {
    const at = { path: note.path, line: region.region.startLine, feed: region.region.feed };
    if (region.error !== null) problems.push({ rule: 'table-merge', severity: 'error', ...at, message: `feed ${at.feed}: ${region.error}; table left as it is` });
    for (const kept of region.kept) {
      problems.push({ rule: 'row-kept', severity: 'warning', ...at, message: `feed ${at.feed}: row “${kept.key}” (line ${kept.line}) is no longer in the feed; kept because it has notes in ${kept.columns.join(', ')}` });
    }
  }
  if (!result.changed) return { status: 'unchanged', diff: '' };
  // Named from almanac.yaml's folder, so the patch applies there with `git apply`.
  const name = relative(project.dir, file).split(sep).join('/');
  const diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, source, result.text, undefined, undefined, { context: 2 });
  if (check) return { status: 'would-update', diff };
  const written = await writeNote(file, contentHash(bytes), result.text, { within: project.vault.root });
  if (written.status === 'conflict') return fail(conflict, 'conflict');
  if (written.status !== 'written') return fail(`${written.reason}: not written, the note is as it was`, 'failed');
  return { status: 'updated', diff };
}
