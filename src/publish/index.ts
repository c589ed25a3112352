// Publishing: the vault as a static site. build() is the whole pipeline, one stage per folder:
// open the project (build/open-for-build: one parse per note, in the note workers), then
//   model/   the site: every published note, its URL, links and backlinks;
//   render/  the notes' HTML (in the note workers that hold the trees);
//   pages/   every page in memory (note pages, listings, site files);
//   emit/    the pages through Eleventy into a staging folder swapped in at the end;
//   search/  the search index, fed each note page as it is planned, built in a worker meanwhile.
// What runs around it: build/ (buildIfChanged: the up-to-date check and the heap-capped
// thread, what the CLI runs) and serve/ (the dev server and its incremental re-plans).
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { Project } from '../project/index.js';
import type { BuildOptions, BuildResult, BuildSummary } from './build/build-options.js';
import { buildWarnings, refuseWarnings } from './build/build-warnings.js';
import { emitSite, pageCount } from './emit/emit-site.js';
import { freshnessOf } from './model/freshness.js';
import { todayOf } from '../config/today.js';
import { openForBuild, withoutTrees } from './build/open-for-build.js';
import { checkOutDir } from './emit/output-dir.js';
import { planSite, type PlanInput } from './pages/plan.js';
import { startSearchIndex, type SearchIndexer } from './search/search-index.js';
import { buildSiteModel } from './model/site-model.js';
import { normaliseBase } from './model/urls.js';
import { canvasTrees, renderCanvases } from './canvas/page.js';
import { typeFactColumns } from '../entities/index.js';
import { previousDeskMemory } from './facts/desk.js';
import { tracePhase } from './build/trace.js';

export type { BuildOptions, BuildPhase, BuildProgress, BuildResult, BuildSummary } from './build/build-options.js';
export { BuildError } from './build/build-warnings.js';
export { planSite, type SitePlan, type PlanInput } from './pages/plan.js';
export { slugifyPath, slugifySegment } from './model/slug.js';
export { normaliseBase } from './model/urls.js';
export { formatWarning, formatWarnings, brokenLinkWarnings, type BuildWarning } from './model/warnings.js';
export type { NotePage, ListingPage, RedirectPage, SitePages, Backlink, LinkItem } from './pages/types.js';
export type { GraphData, LocalGraph } from './pages/graph-data.js';

/** Output folder and base of a build: the options, else almanac.yaml. */
export function outputOf(
  project: Pick<LoadedConfig, 'outputDir' | 'config'>,
  options: Pick<BuildOptions, 'out' | 'base' | 'cwd'>,
): { outDir: string; base: string } {
  const outDir = options.out ? resolve(options.cwd ?? process.cwd(), options.out) : project.outputDir;
  return { outDir, base: normaliseBase(options.base ?? project.config.base) };
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const progress = options.onProgress;
  if (!options.project) progress?.({ phase: 'load', done: 0, total: 0 });
  const { project, workers } = options.project ? { project: options.project, workers: null } : await openForBuild(options);
  let search: SearchIndexer | null = null;
  try {
    const { outDir, base } = outputOf(project, options);
    const realOut = checkOutDir(outDir, { vaultDir: project.vaultDir, projectDir: project.dir, cwd: options.cwd, force: options.force });
    search = options.search !== false && options.deferSearch !== true ? startSearchIndex(project.config.site.language, base) : null;
    const onNote = progress ? (done: number, total: number): void => progress({ phase: 'render', done, total }) : undefined;
    // 1. model: every published note, its URL, links and backlinks.
    // The desk page lists the table rows that changed since the build already in the output folder (facts/desk.ts).
    const input = { ...planInput(project, options, base, search), previousDesk: previousDeskMemory(realOut) };
    const site = buildSiteModel(input);
    tracePhase('model', site.notes.length);
    // 2. render: in the note workers that hold the trees; their heaps are released before Eleventy runs.
    const rendered = workers ? await workers.render(site, onNote) : undefined;
    await workers?.close();
    if (rendered) tracePhase('render', rendered.size);
    // Canvases render in this thread; with note workers, the notes their cards reach are parsed again here (canvas/page.ts).
    const canvases = workers && site.canvases.size > 0 ? renderCanvases(site, await canvasTrees(site, project.config.limits['note-size'])) : undefined;
    if (canvases) tracePhase('canvases', site.canvases.size);
    // 3. pages: every page in memory (notes rendered here when there are no workers).
    const plan = planSite({ ...input, rendered, canvases, onNote: rendered ? undefined : onNote }, site);
    tracePhase('plan', pageCount(plan));
    const warnings = buildWarnings(project, plan);
    tracePhase('warnings', warnings.length);
    if (options.strict) refuseWarnings(warnings);
    // 4. emit (and 5. search, finished alongside).
    await emitSite(plan, realOut, search, progress);
    // A project opened here is returned without its trees: every page is rendered.
    const opened = options.project ?? withoutTrees(project);
    return {
      outDir,
      base,
      pages: pageCount(plan),
      notes: plan.site.notes.length,
      warnings,
      plan,
      project: opened,
      seconds: (performance.now() - started) / 1000,
      ...(project.config.site.url ? {} : { notices: [NO_SITE_URL] }),
    };
  } catch (error) {
    await search?.cancel();
    throw error;
  } finally {
    await workers?.close();
  }
}

function planInput(project: Project, options: BuildOptions, base: string, search: SearchIndexer | null): PlanInput {
  return {
    notes: project.vault.notes,
    graph: project.graph,
    vaultRoot: project.vaultDir,
    base,
    options: project.config.site,
    texts: project.vault.texts,
    now: options.now,
    search: options.search !== false,
    freshness: freshnessOf(project, todayOf(project.config, options.today)),
    typeFacts: typeFactColumns(project.config),
    onPage: search ? (page) => search.add(page) : undefined,
  };
}

/** Said once per build: a feed and a sitemap need absolute URLs, so without `site.url` neither is written. */
export const NO_SITE_URL =
  'site.url is not set in almanac.yaml, so feed.xml and sitemap.xml were left out (they need absolute URLs): set it to the address the site is served at, e.g. url: https://me.github.io';

/** build(), reduced to what the CLI reports (no plan or project to hold on to). */
export async function buildSummaryOnly(options: BuildOptions): Promise<Omit<BuildSummary, 'upToDate'>> {
  const { plan: _plan, project: _project, ...summary } = await build(options);
  return summary;
}
