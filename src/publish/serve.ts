// serve(): build once, serve the output with live reload, and on each save re-parse
// just the saved note, re-resolve links, and re-write only the pages that depend on it.
// Adding, deleting, (un)publishing or re-aliasing a note rebuilds the whole site, since
// those move URLs or change what is published.
import { join, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { openProject, type Project } from '../project/index.js';
import { parseNote, type ParsedNote } from '../parse/index.js';
import { resolveLinks } from '../resolve/index.js';
import { comparePaths, listVaultFiles } from '../vault/load.js';
import { readVaultNote } from '../vault/read-note.js';
import { build, outputOf, type BuildOptions, type BuildResult } from './build.js';
import { replanSite, type SitePlan } from './plan.js';
import { changesListings, changesStructure, dependantNotes } from './dependants.js';
import { freshnessOf } from './freshness.js';
import { todayUtc } from '../util/dates.js';
import { writePages } from './eleventy-site.js';
import { copyAttachments, writeGraphJson } from './output-dir.js';
import { graphData } from './pages/site-files.js';
import { indexNotes } from './search-index.js';
import { startDevServer } from './dev-server.js';
import { quickNotePage } from './quick-page.js';
import type { SitePages } from './pages/types.js';

export interface ServeOptions extends Omit<BuildOptions, 'project' | 'strict' | 'onProgress' | 'deferSearch'> {
  /** Port to listen on; 0 picks a free one. Default 4321. */
  port?: number | undefined;
  /** Default 127.0.0.1 (this machine only). */
  host?: string | undefined;
  onEvent?: ((event: ServeEvent) => void) | undefined;
}

export type ServeEvent =
  | { type: 'built'; result: BuildResult }
  /** The saved note's own page, written before the rest of the update. */
  | { type: 'page'; changed: string; url: string; seconds: number }
  | { type: 'updated'; changed: string[]; pages: string[]; seconds: number }
  | { type: 'rebuilt'; changed: string[]; result: BuildResult }
  | { type: 'error'; error: unknown };

export interface ServeHandle {
  url: string;
  outDir: string;
  /** Settles when every change seen so far has been written. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
}

interface Change {
  kind: 'add' | 'change' | 'unlink';
  path: string;
}

const DEBOUNCE_MS = 40;

export async function serve(options: ServeOptions = {}): Promise<ServeHandle> {
  const project = await openProject({ config: options.config, vault: options.vault, cwd: options.cwd, cache: options.cache });
  const buildOptions = { ...options, project };
  // Listen first: a port in use is reported before a build is spent.
  const { outDir, base } = outputOf(project, options);
  const server = await startDevServer({ outDir, base, host: options.host ?? '127.0.0.1', port: options.port ?? 4321 });
  let result: BuildResult;
  try {
    result = await build(buildOptions);
  } catch (error) {
    await server.close();
    throw error;
  }
  options.onEvent?.({ type: 'built', result });
  let plan: SitePlan = result.plan;

  let pending: Change[] = [];
  let timer: NodeJS.Timeout | null = null;
  let queue: Promise<void> = Promise.resolve();
  let searchTimer: NodeJS.Timeout | null = null;
  let indexing: Promise<unknown> = Promise.resolve();
  // One re-index at a time (at 10,000 notes it takes seconds): saves during one ask for
  // one more, of the plan as it is then. Page writes never wait for it.
  let indexRunning = false;
  let indexAgain = false;
  let closed = false;

  const reindex = (): void => {
    if (closed) return;
    if (indexRunning) {
      indexAgain = true;
      return;
    }
    indexRunning = true;
    indexing = indexNotes(plan.pages.notes, result.outDir, project.config.site.language, result.base)
      .catch((error: unknown) => options.onEvent?.({ type: 'error', error }))
      .finally(() => {
        indexRunning = false;
        if (indexAgain) {
          indexAgain = false;
          reindex();
        }
      });
  };

  const reindexLater = (): void => {
    if (options.search === false || closed) return;
    if (searchTimer) clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      searchTimer = null;
      reindex();
    }, 1000);
  };

  /** A single saved note: its page first (see quick-page.ts). Returns its URL when written;
   * the note it parsed goes into `parsed` for the rest of the update. */
  const writeQuickPage = async (changes: Change[], started: number, parsed: Map<string, ParsedNote>): Promise<string | null> => {
    const path = changes[0]?.path;
    if (!path || !path.toLowerCase().endsWith('.md') || changes.some((change) => change.kind !== 'change' || change.path !== path)) return null;
    if (!project.vault.notes.some((note) => note.path === path)) return null;
    const source = await readVaultNote(project.vaultDir, path, project.config.limits['note-size']);
    if (source === null) return null;
    const note = parseNote(path, source);
    parsed.set(path, note);
    const page = quickNotePage(plan, project, note, options.today ?? todayUtc());
    if (!page) return null;
    await writePages({ notes: [page], listings: [], redirects: [], notFound: false, sitemap: null, feed: null }, { outDir: result.outDir, layout: plan.layout });
    server.reload([page.url]);
    options.onEvent?.({ type: 'page', changed: path, url: page.url, seconds: (performance.now() - started) / 1000 });
    return page.url;
  };

  const apply = async (changes: Change[]): Promise<void> => {
    const started = performance.now();
    const changed = [...new Set(changes.map((change) => change.path))];
    const parsed = new Map<string, ParsedNote>();
    const quick = await writeQuickPage(changes, started, parsed);
    const outcome = await applyChanges(project, plan, changes, parsed);
    if (outcome.kind === 'none') return;
    if (outcome.kind === 'full') {
      result = await build({ ...buildOptions, deferSearch: true });
      plan = result.plan;
      reindexLater();
      server.reload([]);
      options.onEvent?.({ type: 'rebuilt', changed, result });
      return;
    }
    plan = outcome.plan;
    await writePages(outcome.pages, { outDir: result.outDir, layout: plan.layout });
    writeGraphJson(result.outDir, graphData(plan.site, plan.index));
    copyAttachments(plan.site, result.outDir);
    reindexLater();
    const urls = outcome.pages.notes.map((page) => page.url);
    // The saved page already reloaded; reload again only for other pages.
    if (quick === null || urls.some((url) => url !== quick)) server.reload(urls);
    options.onEvent?.({ type: 'updated', changed, pages: urls, seconds: (performance.now() - started) / 1000 });
  };

  const flush = (): void => {
    timer = null;
    const batch = pending;
    pending = [];
    queue = queue.then(() => apply(batch)).catch((error: unknown) => options.onEvent?.({ type: 'error', error }));
  };

  const watcher: FSWatcher = watch(project.vaultDir, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
    // Dot folders (.obsidian, .git) and node_modules; the loader's own rules decide the rest.
    ignored: (path: string) => {
      const rel = relative(project.vaultDir, path).split(sep).join('/');
      return rel !== '' && !rel.startsWith('..') && rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
    },
  });
  const onFile = (kind: Change['kind']) => (path: string) => {
    pending.push({ kind, path: relative(project.vaultDir, path).split(sep).join('/') });
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  watcher.on('add', onFile('add')).on('change', onFile('change')).on('unlink', onFile('unlink'));
  watcher.on('error', (error: unknown) => options.onEvent?.({ type: 'error', error }));
  await new Promise<void>((resolvePromise) => watcher.once('ready', () => resolvePromise()));

  return {
    url: server.url,
    outDir: result.outDir,
    idle: async () => {
      while (timer || pending.length > 0) {
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        await queue;
      }
      await queue;
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await queue;
      // After the last update: it may have asked for a re-index, which no longer runs.
      closed = true;
      if (searchTimer) clearTimeout(searchTimer);
      indexAgain = false;
      await indexing;
      await server.close();
    },
  };
}

type Outcome = { kind: 'none' } | { kind: 'full' } | { kind: 'partial'; plan: SitePlan; pages: SitePages };

/** Update the in-memory vault and graph for these file events and work out what to write. */
async function applyChanges(project: Project, plan: SitePlan, changes: Change[], parsed: Map<string, ParsedNote>): Promise<Outcome> {
  const notes = project.vault.notes;
  const known = new Set([...notes.map((note) => note.path), ...project.vault.attachments]);
  const listed = changes.some((change) => change.kind === 'add') ? await listVaultFiles(project.vaultDir, project.config.ignore) : null;
  const included = new Set(listed ? [...listed.notes, ...listed.attachments] : []);
  let full = false;
  let listings = false;
  const changedNotes = new Set<string>();
  for (const change of changes) {
    // Files the loader skips (config `ignore`, .obsidian/…) are not part of the site.
    if (change.kind === 'add' ? !included.has(change.path) : !known.has(change.path)) continue;
    const isNote = change.path.toLowerCase().endsWith('.md');
    if (!isNote) {
      if (change.kind !== 'change') {
        const attachments = project.vault.attachments.filter((path) => path !== change.path);
        if (change.kind === 'add') attachments.push(change.path);
        project.vault.attachments = attachments.sort(comparePaths);
        full = true;
      } else if (plan.site.attachments.has(change.path)) {
        changedNotes.add(change.path);
      }
      continue;
    }
    const at = notes.findIndex((note) => note.path === change.path);
    const before = at === -1 ? undefined : notes[at];
    if (change.kind === 'unlink') {
      if (at !== -1) notes.splice(at, 1);
      full = true;
      continue;
    }
    const after = parsed.get(change.path) ?? (await readNote(project, change.path));
    if (after === null) {
      // Gone, over limits.note-size, not a regular file or a symlink out of the vault: off the site.
      if (at !== -1) notes.splice(at, 1);
      full = at !== -1 || full;
      continue;
    }
    if (at === -1) {
      notes.push(after);
      notes.sort((a, b) => comparePaths(a.path, b.path));
    } else {
      notes[at] = after;
    }
    if (changesStructure(before, after)) full = true;
    else if (before && changesListings(before, after)) listings = true;
    changedNotes.add(change.path);
  }
  if (!full && changedNotes.size === 0) return { kind: 'none' };
  const previousGraph = project.graph;
  project.graph = resolveLinks(project.vault);
  if (full) return { kind: 'full' };
  const affected = dependantNotes(previousGraph, project.graph, [...changedNotes].filter((path) => path.toLowerCase().endsWith('.md')));
  const freshness = freshnessOf(project, todayUtc());
  const next = replanSite(plan, { notes, graph: project.graph, vaultRoot: project.vaultDir, base: plan.site.base, options: plan.site.options, search: plan.layout.search, freshness }, affected);
  const pages: SitePages = {
    notes: [...affected].map((path) => next.notePages.get(path)).filter((page) => page !== undefined),
    listings: listings ? next.pages.listings : [],
    redirects: [],
    notFound: false,
    sitemap: listings ? next.pages.sitemap : null,
    feed: listings ? next.pages.feed : null,
  };
  return { kind: 'partial', plan: next, pages };
}

async function readNote(project: Project, path: string): Promise<ParsedNote | null> {
  const source = await readVaultNote(project.vaultDir, path, project.config.limits['note-size']);
  return source === null ? null : parseNote(path, source);
}
