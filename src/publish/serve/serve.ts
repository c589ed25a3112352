// serve(): open the project, build once, serve the output with live reload, then for each
// batch of saves: watch → debounce → updateProject → replan → write pages → notify. Just the
// saved notes are parsed again and only the pages that depend on them are written; adding,
// deleting, (un)publishing or re-aliasing a note rebuilds the whole site, since those move
// URLs or change what is published. Each update makes a new Project: none changes in place.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openProject, type Project } from '../../project/index.js';
import { updateProject, type FileChange } from '../../project/update.js';
import { parseNote, type ParsedNote } from '../../parse/index.js';
import { readVaultNote } from '../../vault/read-note.js';
import { todayOf } from '../../config/today.js';
import { build, outputOf, type BuildOptions, type BuildResult } from '../index.js';
import type { SitePlan } from '../pages/plan.js';
import type { NotePage } from '../pages/types.js';
import { TEMPLATES_DIR, writePages } from '../emit/eleventy-site.js';
import { writeFeatureAssets } from '../emit/feature-assets.js';
import { copyAttachments, writeGraphJson } from '../emit/copy-assets.js';
import { globalGraph, siteGraph } from '../pages/graph-data.js';
import { indexNotes } from '../search/search-index.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { quickNotePage } from './quick-page.js';
import { replan } from './replan.js';
import { reindexScheduler } from './reindex-scheduler.js';
import { watchVault } from './watch-vault.js';

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

/** What serve holds between updates: the project and the site as last written. */
interface Served {
  project: Project;
  result: BuildResult;
  plan: SitePlan;
}

export async function serve(options: ServeOptions = {}): Promise<ServeHandle> {
  const opened = await openProject({ config: options.config, vault: options.vault, cwd: options.cwd, cache: options.cache });
  // Listen first: a port in use is reported before a build is spent.
  const { outDir, base } = outputOf(opened, options);
  const server = await startDevServer({ outDir, base, host: options.host ?? '127.0.0.1', port: options.port ?? 4321 });
  let state: Served;
  try {
    const result = await build({ ...options, project: opened });
    state = { project: opened, result, plan: result.plan };
  } catch (error) {
    await server.close();
    throw error;
  }
  options.onEvent?.({ type: 'built', result: state.result });
  const onError = (error: unknown): void => options.onEvent?.({ type: 'error', error });
  const search = reindexScheduler(
    () => indexNotes(state.plan.pages.notes, state.result.outDir, state.project.config.site.language, state.result.base),
    onError,
  );
  const reindexLater = (): void => {
    if (options.search !== false) search.later();
  };

  const apply = async (changes: FileChange[]): Promise<void> => {
    const started = performance.now();
    const paths = [...new Set(changes.map((change) => change.path))];
    const parsed = new Map<string, ParsedNote>();
    const quick = await writeQuickPage(state, changes, parsed, server, options, started);
    const { project, changed } = await updateProject(state.project, changes, { parsed });
    const next = replan(state.plan, project, changed, options.today);
    if (next.kind === 'none') return;
    if (next.kind === 'full') {
      const result = await build({ ...options, project, deferSearch: true });
      state = { project, result, plan: result.plan };
      reindexLater();
      server.reload('all');
      options.onEvent?.({ type: 'rebuilt', changed: paths, result });
      return;
    }
    state = { ...state, project, plan: next.plan };
    // The saved page, as its tab reloaded it: written again below, reloaded again if that changed it.
    const shown = quick === null ? null : await readFile(join(state.result.outDir, quick.output), 'utf8').catch(() => null);
    await writePages(next.pages, { outDir: state.result.outDir, layout: next.plan.layout });
    writeGraphJson(state.result.outDir, globalGraph(siteGraph(next.plan.site, next.plan.index)));
    copyAttachments(next.plan.site, state.result.outDir);
    // A note that gained its site's first code block or diagram needs that feature's assets.
    writeFeatureAssets(TEMPLATES_DIR, state.result.outDir, new Set(next.pages.notes.flatMap((page) => page.features)), true);
    reindexLater();
    const urls = next.pages.notes.map((page) => page.url);
    const same = quick !== null && shown === (await readFile(join(state.result.outDir, quick.output), 'utf8').catch(() => null));
    // Each tab reloads when its own page was written (dev-server.ts): name the pages written.
    const reload = [...urls, ...next.pages.listings.map((page) => page.url)].filter((url) => !(same && url === quick?.url));
    if (reload.length > 0) server.reload(reload);
    options.onEvent?.({ type: 'updated', changed: paths, pages: urls, seconds: (performance.now() - started) / 1000 });
  };

  const watcher = await watchVault(opened.vaultDir, apply, onError);
  return {
    url: server.url,
    outDir: state.result.outDir,
    idle: watcher.idle,
    close: async () => {
      await watcher.close();
      // After the last update: it may have asked for a re-index, which no longer runs.
      await search.stop();
      await server.close();
    },
  };
}

/** A single saved note: its page first (see quick-page.ts). Returns the page when written;
 * the note it parsed goes into `parsed` for the rest of the update. */
async function writeQuickPage(
  state: Served,
  changes: FileChange[],
  parsed: Map<string, ParsedNote>,
  server: Pick<DevServer, 'reload'>,
  options: ServeOptions,
  started: number,
): Promise<NotePage | null> {
  const path = changes[0]?.path;
  if (!path?.toLowerCase().endsWith('.md') || changes.some((change) => change.kind !== 'change' || change.path !== path)) return null;
  const { project, plan, result } = state;
  if (!project.vault.notes.some((note) => note.path === path)) return null;
  const source = await readVaultNote(project.vaultDir, path, project.config.limits['note-size']);
  if (source === null) return null;
  const note = parseNote(path, source);
  parsed.set(path, note);
  const page = quickNotePage(plan, project, note, todayOf(project.config, options.today));
  if (!page) return null;
  await writePages({ notes: [page], listings: [], redirects: [], notFound: false, sitemap: null, feed: null }, { outDir: result.outDir, layout: plan.layout });
  writeFeatureAssets(TEMPLATES_DIR, result.outDir, new Set(page.features), true);
  server.reload([page.url]);
  options.onEvent?.({ type: 'page', changed: path, url: page.url, seconds: (performance.now() - started) / 1000 });
  return page;
}
