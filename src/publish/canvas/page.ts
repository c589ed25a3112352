// A page per published canvas: its board (board.ts) with every card rendered (cards.ts), the
// notes that link to it as backlinks, and a note-shaped copy of its text for the search index.
// Canvases render in the main thread: there are few of them, and the notes their cards embed
// are parsed again here when their trees are held by the note workers (canvasTrees), so a
// canvas looks the same whichever way the vault was parsed.
import { parseNote } from '../../parse/index.js';
import { readVaultNote } from '../../vault/read-note.js';
import type { SiteModel } from '../model/site-model.js';
import type { BuildWarning } from '../model/warnings.js';
import { redactorOf } from '../model/redact.js';
import { pageFile } from '../model/urls.js';
import { MAX_EMBED_DEPTH, type RenderEntry, type RenderSite } from '../render/scope.js';
import { featureList, type PageFeature } from '../render/features.js';
import type { Backlink, NotePage, PageBase } from '../pages/types.js';
import { boardHtml } from './board.js';
import { CardRenderer, type CardHtml } from './cards.js';
import { canvasCounts } from './embed.js';
import type { SiteCanvas } from './model.js';

export interface CanvasPage extends PageBase {
  kind: 'canvas';
  slug: string;
  /** Vault path of the .canvas file. */
  path: string;
  html: string;
  /** Why the file could not be read as JSON Canvas (then `html` is empty). */
  invalid: string | null;
  cards: number;
  /** `5 cards · 3 connections` (embed.ts). */
  counts: string;
  backlinks: Backlink[];
  features: PageFeature[];
}

export interface RenderedCanvases {
  pages: CanvasPage[];
  /** What rendering found (unsafe attachments…), by canvas path. */
  warnings: Map<string, BuildWarning[]>;
  /** Each canvas's text as a note page, for the search index only. */
  search: NotePage[];
}

/** Every published canvas's page. `trees`: published notes with their trees (canvasTrees), when the site model's have none. */
export function renderCanvases(site: SiteModel, trees?: Map<string, RenderEntry>): RenderedCanvases {
  const view: RenderSite = trees ? { ...site, byPath: new Map([...site.byPath, ...trees]) } : site;
  const redact = redactorOf(site);
  const backlinks = canvasBacklinks(site);
  const rendered: RenderedCanvases = { pages: [], warnings: new Map(), search: [] };
  for (const entry of site.canvases.values()) {
    const { canvas } = entry;
    const renderer = new CardRenderer(view, canvas, site.graph.outgoing.get(canvas.path) ?? []);
    const cards = new Map<string, CardHtml>();
    for (const node of canvas.nodes) {
      if (node.type === 'text') cards.set(node.id, renderer.text(node));
      else if (node.type === 'file') cards.set(node.id, renderer.file(node));
    }
    const warnings = [...cards.values()].flatMap((card) => card.warnings);
    if (warnings.length > 0) rendered.warnings.set(canvas.path, warnings);
    const features = featureList(new Set([...cards.values()].flatMap((card) => card.features)));
    const html = canvas.invalid === null ? redact.html(boardHtml({ canvas, cards })) : '';
    const page: CanvasPage = {
      kind: 'canvas',
      output: pageFile(entry.slug),
      url: entry.url,
      title: canvas.title,
      slug: entry.slug,
      path: canvas.path,
      html,
      invalid: canvas.invalid,
      cards: entry.cards,
      counts: canvasCounts(entry.cards, canvas.edges.length),
      backlinks: backlinks.get(canvas.path) ?? [],
      features,
    };
    rendered.pages.push(page);
    rendered.search.push(searchPage(page, redact.html([...cards.values()].map((card) => card.html).join('\n'))));
  }
  return rendered;
}

function searchPage(page: CanvasPage, html: string): NotePage {
  return {
    kind: 'note',
    output: page.output,
    url: page.url,
    title: page.title,
    slug: page.slug,
    path: page.path,
    titleId: null,
    aliases: [],
    html,
    properties: '',
    toc: [],
    backlinks: [],
    tags: [],
    type: null,
    folder: null,
    updated: null,
    stale: null,
    features: [],
  };
}

/** Published notes that link to or embed each canvas, one entry per note, with the sentences that link. */
function canvasBacklinks(site: SiteModel): Map<string, Backlink[]> {
  const byCanvas = new Map<string, Map<string, Backlink>>();
  for (const link of site.graph.links) {
    if (!link.file || !site.canvases.has(link.file)) continue;
    const source = site.byPath.get(link.source);
    if (!source) continue;
    const sources = byCanvas.get(link.file) ?? new Map<string, Backlink>();
    byCanvas.set(link.file, sources);
    const backlink = sources.get(source.note.path) ?? { title: source.note.title, url: source.url, slug: source.slug, contexts: [] };
    sources.set(source.note.path, backlink);
    const context = redactorOf(site).text(link.link.context);
    if (link.link.kind !== 'frontmatter' && context.trim() !== '' && !backlink.contexts.includes(context)) backlink.contexts.push(context);
  }
  return new Map([...byCanvas].map(([path, sources]) => [path, [...sources.values()]]));
}

/**
 * The published notes the canvases embed or link to a heading of (and, as deep as embeds go,
 * the notes those embed), parsed again from the vault: for a build whose note workers hold the trees.
 */
export async function canvasTrees(site: SiteModel, maxBytes: number): Promise<Map<string, RenderEntry>> {
  const wanted = new Set<string>();
  let frontier = [...site.canvases.keys()];
  for (let depth = 0; depth <= MAX_EMBED_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const link of site.graph.outgoing.get(path) ?? []) {
        if (!link.note || !site.byPath.has(link.note) || wanted.has(link.note)) continue;
        // A plain link needs only the target's URL; its tree only for an embed or a heading's id.
        if (link.link.kind !== 'embed' && !link.heading) continue;
        wanted.add(link.note);
        if (link.link.kind === 'embed') next.push(link.note);
      }
    }
    frontier = next;
  }
  const trees = new Map<string, RenderEntry>();
  for (const path of wanted) {
    const entry = site.byPath.get(path);
    const source = entry ? await readVaultNote(site.vaultRoot, path, maxBytes) : null;
    if (entry && source !== null) trees.set(path, { note: parseNote(path, source), slug: entry.slug, url: entry.url });
  }
  return trees;
}

export type { SiteCanvas };
