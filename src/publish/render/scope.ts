// What a handler needs to know while turning one note's tree into HTML: the site, the
// note the nodes belong to (its links are looked up by place), and the embed chain.
import type { Nodes } from 'mdast';
import type { Element } from 'hast';
import type { ParsedNote } from '../../parse/types.js';
import type { ResolvedLink } from '../../resolve/index.js';
import type { SiteAttachment } from '../model/site-model.js';
import type { BuildWarning } from '../model/warnings.js';
import type { SiteOptions } from '../../config/site.js';
import type { PageFeature } from './features.js';

export const MAX_EMBED_DEPTH = 3;

/** What rendering reads of a note: its tree only for the page's own note and embedded ones;
 * its tables' facts (row ids, charts: tables.ts) when it has tables. */
export type RenderNote = Pick<ParsedNote, 'path' | 'title' | 'bodyLine' | 'tree'> &
  Partial<Pick<ParsedNote, 'tables' | 'charts' | 'feedRegions'>> & { date?: string | null | undefined };

export interface RenderEntry {
  note: RenderNote;
  slug: string;
  url: string;
}

/** What rendering reads of the site. A SiteModel is one; a render worker builds its own
 * from the facts the main thread sends (see threads/note.worker.ts). */
export interface RenderSite {
  base: string;
  /** What rendering reads of `site:` in almanac.yaml. */
  options: Pick<SiteOptions, 'allowHtmlAttachments'> & { embeds?: readonly string[] };
  attachments: Map<string, SiteAttachment>;
  /** Published notes by vault path. */
  byPath: Map<string, RenderEntry>;
  graph: { outgoing: Map<string, ResolvedLink[]> };
  /** `![[x.base#View]]` embeds, computed on the main thread (publish/bases/site-bases.ts), by embedEntryKey. */
  baseEmbeds?: ReadonlyMap<string, Element>;
  /** Pages of published .base files by vault path: `[[x.base]]` links there. */
  baseUrls?: ReadonlyMap<string, string>;
  /** Published canvases by vault path: links and embeds of a .canvas file land on its page (publish/canvas/). */
  canvases?: Map<string, CanvasTarget>;
}

/** What a link or embed of a canvas needs of it: its page, and what its card shows. Plain data (it crosses to the note workers). */
export interface CanvasTarget {
  path: string;
  slug: string;
  url: string;
  title: string;
  /** Nodes other than groups, and edges. */
  cards: number;
  edges: number;
  /** First lines of the first text cards and group labels. */
  excerpt: string[];
  /** The file is not JSON Canvas. */
  invalid: boolean;
}

export interface RenderScope {
  site: RenderSite;
  note: RenderEntry;
  /** 0 for the page's own note, 1+ inside embeds. */
  depth: number;
  /** Paths of the notes being embedded, outermost first (cycle guard). */
  stack: string[];
  /** Collected only at depth 0, so an embedded note's broken links count once, on its own page. */
  warnings: BuildWarning[] | null;
  linkAt: (node: Nodes) => ResolvedLink | undefined;
  /** What the page needs (math, diagrams…): one set for the page and every note it embeds. */
  features: Set<PageFeature>;
}

const placeCache = new WeakMap<object, Map<string, ResolvedLink>>();

export function createScope(
  site: RenderSite,
  note: RenderEntry,
  depth: number,
  stack: string[],
  warnings: BuildWarning[] | null,
  features: Set<PageFeature> = new Set(),
): RenderScope {
  const outgoing = site.graph.outgoing.get(note.note.path) ?? [];
  let byPlace = placeCache.get(outgoing);
  if (!byPlace) {
    byPlace = new Map();
    for (const link of outgoing) if (link.link.kind !== 'frontmatter') byPlace.set(`${link.link.line}:${link.link.column}`, link);
    placeCache.set(outgoing, byPlace);
  }
  const places = byPlace;
  const shift = note.note.bodyLine - 1;
  return {
    site,
    note,
    depth,
    stack,
    warnings,
    features,
    linkAt: (node) => {
      const start = node.position?.start;
      return start ? places.get(`${start.line + shift}:${start.column}`) : undefined;
    },
  };
}
