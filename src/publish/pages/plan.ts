// From the parsed vault to every page's data, in memory. No files are touched here,
// so `build` and `serve` share it and tests can inspect a site without writing one.
import type { ParsedNote } from '../../parse/types.js';
import type { LinkGraph } from '../../resolve/index.js';
import type { SiteOptions } from '../../config/site.js';
import { buildSiteModel, type SiteModel } from '../model/site-model.js';
import { buildSiteIndex, type SiteIndex } from './site-index.js';
import { localGraphJson, notePage } from './note-page.js';
import { mentionedTables } from '../facts/mentioned.js';
import { nearby, siteGraph } from './graph-data.js';
import { homePage, listingPages } from './listings.js';
import { deskPage, type DeskMemory } from '../facts/desk.js';
import { feed, redirectPages, sitemap } from './site-files.js';
import { explorerTree } from './explorer.js';
import type { LayoutData, NotePage, SitePages } from './types.js';
import type { BuildWarning } from '../model/warnings.js';
import { renderNote, type RenderedNote } from '../render/note-html.js';
import type { FreshnessMap } from '../model/freshness.js';
import { pageUrl } from '../model/urls.js';
import { basePages } from '../bases/pages.js';
import type { VaultText } from '../../vault/load.js';
import { renderCanvases, type RenderedCanvases } from '../canvas/page.js';

export interface PlanInput {
  notes: ParsedNote[];
  graph: LinkGraph;
  vaultRoot: string;
  base: string;
  options: SiteOptions;
  /** The vault's .base (and .canvas) files, read by the scan. */
  texts?: readonly VaultText[] | undefined;
  now?: Date;
  /** The site will have a search index (default true). */
  search?: boolean;
  /** Called after each note page is rendered. */
  onNote?: (done: number, total: number) => void;
  /** Called with each note page, in site order, as soon as it is ready (rendered or reused):
   * the search index takes them while the rest of the site is still being rendered. */
  onPage?: (page: NotePage) => void;
  /** Each note's date against the staleness policy (badges and the Stale notes page). */
  freshness?: FreshnessMap;
  /** Every published note rendered already (by note workers, see note-workers.ts), by vault
   * path; without it, notes are rendered here. */
  rendered?: Map<string, RenderedNote>;
  /** The canvases' pages, rendered already (build renders them where the trees are); else rendered here. */
  canvases?: RenderedCanvases;
  /** `types.TYPE.facts` of almanac.yaml: the columns an entity page of that type sums up (mentioned.ts). */
  typeFacts?: Readonly<Record<string, readonly string[]>> | undefined;
  /** What the previous build's desk page remembered (desk.ts readDeskMemory): its rows that changed show on the desk. */
  previousDesk?: DeskMemory | null | undefined;
}

export interface SitePlan {
  site: SiteModel;
  index: SiteIndex;
  pages: SitePages;
  /** Note pages by vault path. */
  notePages: Map<string, NotePage>;
  /** Broken links, per vault path of the note that holds them. */
  warnings: Map<string, BuildWarning[]>;
  /** Feed summary of each published note, by vault path. */
  summaries: Map<string, string>;
  layout: LayoutData;
  /** The canvases' pages, their render warnings, and their text for the search index. */
  canvases: RenderedCanvases;
}

/** `site`: the model of `input`, when the caller needed it first (to render in workers). */
export function planSite(input: PlanInput, site?: SiteModel): SitePlan {
  const model = site ?? buildSiteModel(input);
  return plan(input, null, model, buildSiteIndex(model));
}

/**
 * Plan again after some notes changed, rendering only `rerender` (the changed notes and
 * their dependants) and reusing the previous page of every other note. Valid only when
 * no note was added, removed, (un)published or re-aliased: slugs must stay put.
 * A reused page within two links of a note in `changed` gets its local graph read again
 * (a neighbour's degree, a link between neighbours); one whose graph moved is a new page.
 */
export function replanSite(previous: SitePlan, input: PlanInput, rerender: Set<string>, changed: Iterable<string> = rerender): SitePlan {
  const site = buildSiteModel(input);
  const index = buildSiteIndex(site);
  const slugs = [...changed].flatMap((path) => previous.site.byPath.get(path)?.slug ?? []);
  const regraph = nearby([siteGraph(previous.site, previous.index), siteGraph(site, index)], slugs);
  return plan(input, { previous, rerender, regraph }, site, index);
}

interface Reuse {
  previous: SitePlan;
  rerender: Set<string>;
  /** Slugs of the reused pages whose local graph may have changed. */
  regraph: Set<string>;
}

function plan(input: PlanInput, reuse: Reuse | null, site: SiteModel, index: SiteIndex): SitePlan {
  const notePages = new Map<string, NotePage>();
  const warnings = new Map<string, BuildWarning[]>();
  const summaries = new Map<string, string>();
  site.notes.forEach((entry, done) => {
    const path = entry.note.path;
    const previous = reuse && !reuse.rerender.has(path) ? reuse.previous.notePages.get(path) : undefined;
    if (previous) {
      // Its local graph may have changed all the same: then it is a new page around the same
      // HTML, and serve writes it (replan.ts writes every page not kept as it was).
      const graph = reuse?.regraph.has(entry.slug) ? localGraphJson(site, index, entry.slug) : previous.localGraph;
      const kept = previous.localGraph === graph ? previous : { ...previous, localGraph: graph };
      notePages.set(path, kept);
      input.onPage?.(kept);
      const previousWarnings = reuse?.previous.warnings.get(path);
      if (previousWarnings) warnings.set(path, previousWarnings);
      summaries.set(path, reuse?.previous.summaries.get(path) ?? '');
      return;
    }
    const rendered = input.rendered ? input.rendered.get(path) : renderNote(site, entry);
    // Notes rendered elsewhere have no tree here: rendering one again would make an empty page.
    if (!rendered) throw new Error(`${path} was not rendered by the note workers`);
    const columns = entry.note.type ? input.typeFacts?.[entry.note.type] : undefined;
    const page = notePage(site, index, entry, rendered, input.freshness?.get(path), mentionedTables(site, entry, columns));
    notePages.set(path, page);
    input.onPage?.(page);
    if (rendered.warnings.length > 0) warnings.set(path, rendered.warnings);
    summaries.set(path, rendered.summary);
    input.onNote?.(done + 1, site.notes.length);
  });
  const notes = [...notePages.values()];
  // Canvases: rendered by build, or here; a re-plan (serve) keeps the last build's.
  const canvases = input.canvases ?? reuse?.previous.canvases ?? renderCanvases(site);
  for (const page of canvases.search) input.onPage?.(page);
  for (const [path, found] of canvases.warnings) warnings.set(path, found);
  // The research desk: the home page without an index.md, else /desk/ (desk.ts).
  const groups = site.home ? [] : homePage(site, index).groups.filter((group) => group.heading !== 'Recently updated');
  const desk = deskPage(site, index, { freshness: input.freshness, previous: input.previousDesk, groups });
  const listings = [...listingPages(site, index, input.freshness), desk, ...basePages(site)];
  const pages: SitePages = {
    notes,
    listings,
    canvases: canvases.pages,
    redirects: redirectPages(site),
    notFound: true,
    // Both need absolute URLs: without site.url they are left out (build says so once, see build()).
    sitemap: site.options.url ? sitemap(site, [...notes, ...canvases.pages.map((page) => ({ url: page.url, updated: null }))], listings) : null,
    feed: site.options.url ? feed(site, input.now ?? new Date(), (entry) => summaries.get(entry.note.path) ?? '') : null,
  };
  return { site, index, pages, notePages, warnings, summaries, layout: layoutData(site, index, input.search ?? true), canvases };
}

export function layoutData(site: SiteModel, index: SiteIndex, search: boolean): LayoutData {
  const url = (slug: string): string => pageUrl(site.base, slug);
  const { routes } = index;
  return {
    title: site.title,
    base: site.base,
    language: site.options.language,
    search,
    searchUrl: url(routes.search),
    tagsUrl: url(routes.tags),
    explorer: explorerTree(site, index),
    origin: site.options.url ? new URL(site.options.url).origin : null,
    feed: site.options.url !== undefined,
    nav: [
      { label: 'Types', url: url(routes.types) },
      { label: 'Tags', url: url(routes.tags) },
      { label: 'Graph', url: url(routes.graph) },
      { label: 'Stale', url: url(routes.stale) },
      // Without an index.md the desk is the home page (desk.ts).
      ...(site.home ? [{ label: 'Desk', url: url(routes.desk) }] : []),
    ],
  };
}

export function allWarnings(plan: SitePlan): BuildWarning[] {
  // Notes left out as private by doubt and `site.exclude` entries that match nothing come first.
  return [...plan.site.warnings, ...[...plan.warnings.values()].flat()];
}
