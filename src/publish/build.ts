// build(): the vault as a static site. Opens the project (one parse per note), plans
// every page in memory, lets Eleventy write them, then adds graph.json, assets,
// attachments and the search index (given each note page as it is rendered).
import { resolve } from 'node:path';
import { AlmanacError, ConfigError, UsageError } from '../errors.js';
import { buildInThread, buildThreadAvailable, heapCapMb, type PostedError } from './build-thread.js';
import { openProject, type Project } from '../project.js';
import type { ConfigOptions } from '../config/load.js';
import { allWarnings, planSite, type PlanInput, type SitePlan } from './plan.js';
import { buildSiteModel } from './site-model.js';
import { NoteWorkers, noteWorkersAvailable } from './note-workers.js';
import { graphData } from './pages/site-files.js';
import { TEMPLATES_DIR, writePages } from './eleventy-site.js';
import { checkOutDir, copyAssets, copyAttachments, discardStaging, startStaging, swapIn, writeGraphJson } from './output-dir.js';
import { startSearchIndex, type SearchIndexer } from './search-index.js';
import { normaliseBase } from './urls.js';
import { brokenLinkWarnings, formatWarnings, type BuildWarning } from './warnings.js';
import { freshnessOf } from './freshness.js';
import { todayUtc } from '../util/dates.js';
import { loadConfig } from '../config/load.js';
import { cacheDirOf } from '../project.js';
import { scanVault, WORKER_THRESHOLD, type VaultScan } from '../vault/load.js';
import { buildKey, readManifest, treeStamp, writeManifest } from './up-to-date.js';

export type BuildPhase = 'load' | 'render' | 'write' | 'search';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  /** 0 when unknown. */
  total: number;
}

export interface BuildOptions extends ConfigOptions {
  /** Output folder; default: `output` from the config (`site/`). */
  out?: string | null | undefined;
  /** URL prefix for sub-path hosting; default: `base` from the config (`/`). */
  base?: string | null | undefined;
  /** Build into a symlinked output folder (the folder it points to), or into one holding files
   * Almanac did not write (see output-dir.ts). Never into the vault, the project, the current
   * or the home folder. */
  force?: boolean | undefined;
  /** Fail (before writing anything) on any warning: a broken link in a published note, a note left out as private by doubt, an unmatched `site.exclude` entry. */
  strict?: boolean | undefined;
  /** Build the search index (default true). */
  search?: boolean | undefined;
  /** Pages say there is a search index, but it is left for the caller to build (serve). */
  deferSearch?: boolean | undefined;
  /** Use the parsed-note cache in `.almanac/cache` (default true). */
  cache?: boolean | undefined;
  /** A project already opened (serve keeps one in memory). Without one, the project build opens
   * is returned with its notes' trees released once every page is rendered. */
  project?: Project | undefined;
  /** The vault's files, already read (see scanVault). */
  scan?: VaultScan | undefined;
  /** Date used for the feed when no note has an `updated` date. */
  now?: Date | undefined;
  /** YYYY-MM-DD the staleness badges treat as today (default: the real date). */
  today?: string | undefined;
  onProgress?: ((progress: BuildProgress) => void) | undefined;
  /** buildIfChanged only: heap cap in MB for the worker thread the build runs in; null: build
   * in this thread. Default: from the vault's size, or ALMANAC_HEAP_MB (see build-thread.ts). */
  heapLimitMb?: number | null | undefined;
}

export interface BuildResult extends Omit<BuildSummary, 'upToDate'> {
  plan: SitePlan;
  project: Project;
}

/** Thrown by a `strict` build with broken links; carries them. */
export class BuildError extends AlmanacError {
  constructor(
    message: string,
    readonly warnings: BuildWarning[],
  ) {
    super(message);
  }
}

/** Output folder and base of a build: the options, else almanac.yaml. */
export function outputOf(project: Project, options: Pick<BuildOptions, 'out' | 'base' | 'cwd'>): { outDir: string; base: string } {
  const outDir = options.out ? resolve(options.cwd ?? process.cwd(), options.out) : project.outputDir;
  return { outDir, base: normaliseBase(options.base ?? project.config.base) };
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  if (!options.project) options.onProgress?.({ phase: 'load', done: 0, total: 0 });
  const { project, workers } = options.project ? { project: options.project, workers: null } : await openForBuild(options);
  let search: SearchIndexer | null = null;
  try {
    const { outDir, base } = outputOf(project, options);
    const realOut = checkOutDir(outDir, { vaultDir: project.vaultDir, projectDir: project.dir, cwd: options.cwd, force: options.force });
    // The search index gets each note page as soon as it is planned, and indexes it in a worker
    // thread while the rest of the site is planned and written (see search-index.ts).
    search = options.search !== false && options.deferSearch !== true ? startSearchIndex(project.config.site.language, base) : null;
    const site = await writeSite(options, project, { outDir, realOut, base }, search, workers);
    return { ...site, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await search?.cancel();
    throw error;
  } finally {
    await workers?.close();
  }
}

/**
 * The project a build opens itself. A large vault is parsed by note workers that keep the
 * trees and later render the notes (note-workers.ts); the project's notes then have no trees.
 */
async function openForBuild(options: BuildOptions): Promise<{ project: Project; workers: NoteWorkers | null }> {
  const scan = options.scan ?? (await scanConfigured(options));
  const workers = scan.paths.length >= WORKER_THRESHOLD && noteWorkersAvailable() ? new NoteWorkers() : null;
  try {
    const project = await openProject({ config: options.config, vault: options.vault, cwd: options.cwd, cache: options.cache, scan, parseAll: workers?.parse });
    return { project, workers };
  } catch (error) {
    await workers?.close();
    throw error;
  }
}

/** The vault's files, found through the config (openProject then reads the config again: a small file). */
async function scanConfigured(options: BuildOptions): Promise<VaultScan> {
  const loaded = loadConfig({ config: options.config, vault: options.vault, cwd: options.cwd });
  return scanVault(loaded.vaultDir, { ignore: loaded.config.ignore, limits: loaded.config.limits });
}

/** Plan and write the site into a staging folder swapped in for `realOut` (the real path of
 * `outDir`) at the end, finishing `search` (if any) with it. */
async function writeSite(options: BuildOptions, project: Project, { outDir, realOut, base }: { outDir: string; realOut: string; base: string }, search: SearchIndexer | null, workers: NoteWorkers | null): Promise<Omit<BuildResult, 'seconds'>> {
  const progress = options.onProgress;
  const onNote = progress ? (done: number, total: number): void => progress({ phase: 'render', done, total }) : undefined;
  const input: PlanInput = {
    notes: project.vault.notes,
    graph: project.graph,
    vaultRoot: project.vaultDir,
    base,
    options: project.config.site,
    now: options.now,
    search: options.search !== false,
    freshness: freshnessOf(project, options.today ?? todayUtc()),
    onPage: search ? (page) => search.add(page) : undefined,
  };
  const site = buildSiteModel(input);
  const rendered = workers ? await workers.render(site, onNote) : undefined;
  // The workers' heaps (every tree) are released before Eleventy runs.
  await workers?.close();
  const plan = planSite({ ...input, rendered, onNote: rendered ? undefined : onNote }, site);
  // Every page is rendered: a project opened here needs no trees any more, and at
  // 10,000 notes they are a large share of peak memory while Eleventy writes.
  if (!options.project) releaseTrees(project);
  // Files the vault scan skipped (symlinks out of the vault, notes too large) come first.
  // Then broken links as check reports them, frontmatter links included, published notes only.
  const links = brokenLinkWarnings(plan.site.notes.map((entry) => entry.note), project.vault.notes, project.graph, project.config);
  const warnings = [...(project.vault.problems ?? []), ...allWarnings(plan), ...links];
  if (options.strict && warnings.length > 0) {
    const shown = formatWarnings(warnings.slice(0, 20)).trimEnd();
    const more = warnings.length > 20 ? `\n… and ${warnings.length - 20} more` : '';
    // Broken links only: said as before; else also notes left out as private, skipped files, unmatched excludes.
    const onlyLinks = warnings.every((warning) => warning.rule.startsWith('unresolved-'));
    const what = onlyLinks ? `broken ${warnings.length === 1 ? 'link' : 'links'} in published notes` : `${warnings.length === 1 ? 'warning' : 'warnings'}`;
    throw new BuildError(`${warnings.length} ${what} (--strict):\n${shown}${more}`, warnings);
  }
  // The site is written into a hidden folder beside the output and swapped in once complete:
  // a build that fails leaves the previous site as it was.
  const staging = startStaging(realOut);
  // The index has every note page by now: its worker writes it while Eleventy lays the pages out.
  const indexed = search?.finish(staging);
  // Awaited below, also when writing the pages fails.
  indexed?.catch(() => undefined);
  const total = plan.pages.notes.length + plan.pages.listings.length + plan.pages.redirects.length + 3;
  let written = 0;
  try {
    try {
      await writePages(plan.pages, { outDir: staging, layout: plan.layout, onPage: progress ? () => progress({ phase: 'write', done: ++written, total }) : undefined });
      writeGraphJson(staging, graphData(plan.site, plan.index));
      copyAssets(TEMPLATES_DIR, staging);
      copyAttachments(plan.site, staging);
    } catch (error) {
      // Let the index's write end first: stopping its worker mid-write would leave the hidden
      // folder it stages the index in behind.
      await indexed?.catch(() => undefined);
      throw error;
    }
    if (indexed) {
      progress?.({ phase: 'search', done: 0, total: 0 });
      await indexed;
    }
    swapIn(staging, realOut);
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
  const pages = plan.pages.notes.length + plan.pages.listings.length + plan.pages.redirects.length + (plan.pages.notFound ? 1 : 0);
  return { outDir, base, pages, notes: plan.site.notes.length, warnings, plan, project };
}

export interface BuildSummary {
  outDir: string;
  base: string;
  /** HTML pages written (notes, listings, redirects, 404). */
  pages: number;
  /** Published notes. */
  notes: number;
  warnings: BuildWarning[];
  seconds: number;
  /** True when the output already matched the vault and nothing was written. */
  upToDate: boolean;
  /** Things the user should know that are not warnings about the vault (e.g. a heap cap outgrown). */
  notices?: string[];
}

/**
 * build(), unless the last build into the same folder had exactly these inputs and its
 * output is untouched: then nothing is parsed or written. What the CLI runs.
 */
export async function buildIfChanged(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  if (options.cache === false || options.project) return { ...(await buildSummaryOnly(options)), upToDate: false };
  const loaded = loadConfig({ config: options.config, vault: options.vault, cwd: options.cwd });
  const scan = await scanVault(loaded.vaultDir, { ignore: loaded.config.ignore, limits: loaded.config.limits });
  const outDir = options.out ? resolve(options.cwd ?? process.cwd(), options.out) : loaded.outputDir;
  const base = normaliseBase(options.base ?? loaded.config.base);
  const today = options.today ?? todayUtc();
  const cacheDir = cacheDirOf(loaded);
  const key = buildKey({ fingerprint: scan.fingerprint, config: loaded.config, outDir, base, today, search: options.search !== false, strict: options.strict === true, templatesDir: TEMPLATES_DIR, vaultDir: loaded.vaultDir });
  const previous = readManifest(cacheDir, outDir);
  if (previous && previous.key === key && previous.stamp === treeStamp(outDir)) {
    return { outDir, base, pages: previous.pages, notes: previous.notes, warnings: previous.warnings, seconds: (performance.now() - started) / 1000, upToDate: true };
  }
  const result = await fullBuild({ ...options, today, scan });
  writeManifest(cacheDir, outDir, { key, stamp: treeStamp(outDir), pages: result.pages, notes: result.notes, warnings: result.warnings });
  return { ...result, seconds: (performance.now() - started) / 1000, upToDate: false };
}

/** build(), reduced to what the CLI reports (no plan or project to hold on to). */
export async function buildSummaryOnly(options: BuildOptions): Promise<Omit<BuildSummary, 'upToDate'>> {
  const { plan: _plan, project: _project, ...summary } = await build(options);
  return summary;
}

/** build(), in a worker thread with a capped heap when it can be (see build-thread.ts). */
async function fullBuild(options: BuildOptions & { scan: VaultScan }): Promise<Omit<BuildSummary, 'upToDate'>> {
  const cap = options.heapLimitMb === undefined ? heapCapMb(options.scan) : options.heapLimitMb;
  if (cap === null || !buildThreadAvailable()) return buildSummaryOnly(options);
  const { onProgress, project: _project, heapLimitMb: _heap, ...plain } = options;
  const summary = await buildInThread(plain, cap, onProgress, threadError);
  if (summary) return summary;
  const again = await buildSummaryOnly(options);
  return { ...again, notices: [`The build outgrew its ${cap} MB heap cap and was run again without one (set ALMANAC_HEAP_MB to give it more, or 0 for no cap).`] };
}

function threadError(posted: PostedError): Error {
  if (posted.name === 'BuildError') return new BuildError(posted.message, posted.warnings ?? []);
  if (posted.name === 'ConfigError') return new ConfigError(posted.message);
  if (posted.name === 'UsageError') return new UsageError(posted.message);
  if (posted.almanac) return new AlmanacError(posted.message);
  const error = new Error(posted.message);
  error.name = posted.name;
  error.stack = posted.message;
  return error;
}

function releaseTrees(project: Project): void {
  for (const note of project.vault.notes) note.tree = { type: 'root', children: [] };
}
