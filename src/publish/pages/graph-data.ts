// The data the graph views draw. The /graph/ page fetches graph.json, the whole graph in a
// compact form (a node's URL is its slug under the base, so no URL is written; links are
// pairs of node indices). A note page fetches nothing: its own neighbourhood, capped at
// LOCAL_LIMIT neighbours, is inlined into the page (see inlineJson), so what a reader
// downloads for a note does not grow with the site.
import type { SiteModel } from '../model/site-model.js';
import { typeOf, type SiteIndex } from './site-index.js';

/** graph.json (format 2). */
export interface GraphData {
  version: 2;
  /** The note types; a node's third field is an index into this list, -1 for none. */
  types: string[];
  /** `[slug, title, type]` per published note, then per published canvas. A node's page is `{base}{slug}/`. */
  nodes: Array<[slug: string, title: string, type: number]>;
  /** Each link between two nodes once, as their indices, flat: `[a0, b0, a1, b1, …]`, each `a < b`. */
  links: number[];
}

/** A note page's local graph: the note, its strongest neighbours and the links among them. */
export interface LocalGraph {
  /** The types of `nodes`; a node's third field is an index into this list, -1 for none. */
  types: string[];
  /** `[slug, title, type, degree]`, the note itself first; degree is capped at DEGREE_CAP. */
  nodes: Array<[slug: string, title: string, type: number, degree: number]>;
  /** The links between neighbours, as index pairs, flat, each `a < b`; each neighbour's link to the note is not written. */
  links: number[];
  /** How many nodes the note is linked with in all; `nodes` holds at most LOCAL_LIMIT of them. */
  total: number;
}

/** The most neighbours a note page's graph holds (depth 1, the strongest first): a hub's page
 * stays small, its graph readable. */
export const LOCAL_LIMIT = 30;
/**
 * Degrees are written capped here: the local graph's dots stop growing at degree 52
 * (graph-view.js: min(4 + √degree × 1.4, 14)), and a note linked once more past it
 * rewrites no neighbour's page in `serve`.
 */
export const DEGREE_CAP = 52;

/** The published graph, undirected: each node's neighbours, with 2 for a link both ways, else 1. */
export interface SiteGraph {
  slugs: string[];
  titles: string[];
  types: Array<string | null>;
  bySlug: Map<string, number>;
  neighbours: Array<Map<number, 1 | 2>>;
  /** Each node's place in slug order (localGraph's last tie-break), and the node at each place. */
  order: Int32Array;
  sorted: Int32Array;
}

const built = new WeakMap<SiteIndex, SiteGraph>();

/** The graph of the site `index` was built from (once per plan: every note page reads it). */
export function siteGraph(site: SiteModel, index: SiteIndex): SiteGraph {
  const cached = built.get(index);
  if (cached) return cached;
  const graph: SiteGraph = { slugs: [], titles: [], types: [], bySlug: new Map(), neighbours: [], order: new Int32Array(0), sorted: new Int32Array(0) };
  const add = (slug: string, title: string, type: string | null): void => {
    graph.bySlug.set(slug, graph.slugs.length);
    graph.slugs.push(slug);
    graph.titles.push(title);
    graph.types.push(type);
    graph.neighbours.push(new Map());
  };
  for (const entry of site.notes) add(entry.slug, entry.note.title, typeOf(index, entry)?.type ?? null);
  for (const entry of site.canvases.values()) add(entry.slug, entry.title, null);
  // A link a → b as the number a × n + b (n nodes: below 2⁵³ for any vault).
  const n = graph.slugs.length;
  const directed = new Set<number>();
  for (const [from, to] of publishedLinks(site)) {
    const a = graph.bySlug.get(from);
    const b = graph.bySlug.get(to);
    if (a === undefined || b === undefined || a === b || directed.has(a * n + b)) continue;
    directed.add(a * n + b);
    const strength = directed.has(b * n + a) ? 2 : 1;
    graph.neighbours[a]?.set(b, strength);
    graph.neighbours[b]?.set(a, strength);
  }
  const sorted = graph.slugs.map((slug, i) => ({ slug, i })).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  graph.sorted = Int32Array.from(sorted, ({ i }) => i);
  graph.order = new Int32Array(graph.slugs.length);
  graph.sorted.forEach((i, place) => {
    graph.order[i] = place;
  });
  built.set(index, graph);
  return graph;
}

/** Every link between published pages, as slug pairs: notes to notes and canvases, canvases' cards to notes and canvases. */
function* publishedLinks(site: SiteModel): Generator<[string, string]> {
  for (const entry of site.notes) {
    for (const link of site.graph.outgoing.get(entry.note.path) ?? []) {
      const note = link.note ? site.byPath.get(link.note) : undefined;
      if (note && link.status !== 'unresolved-link') yield [entry.slug, note.slug];
      const canvas = link.file ? site.canvases.get(link.file) : undefined;
      if (canvas) yield [entry.slug, canvas.slug];
    }
  }
  for (const entry of site.canvases.values()) {
    for (const link of site.graph.outgoing.get(entry.path) ?? []) {
      const target = link.note ? site.byPath.get(link.note) : link.file ? site.canvases.get(link.file) : undefined;
      if (target && link.status !== 'unresolved-link') yield [entry.slug, target.slug];
    }
  }
}

/** graph.json: every node once, every link once. */
export function globalGraph(graph: SiteGraph): GraphData {
  const types = [...new Set(graph.types.filter((type) => type !== null))].sort();
  const typeIndex = new Map(types.map((type, i) => [type, i]));
  const nodes = graph.slugs.map((slug, i): [string, string, number] => {
    const type = graph.types[i];
    return [slug, graph.titles[i] ?? slug, type == null ? -1 : (typeIndex.get(type) ?? -1)];
  });
  const links: number[] = [];
  graph.neighbours.forEach((near, a) => {
    for (const b of near.keys()) if (a < b) links.push(a, b);
  });
  return { version: 2, types, nodes, links };
}

/**
 * A note's local graph: the note and its neighbours, at most `limit` of them, strongest
 * first (linked both ways, then the best connected, then by slug), and the links among them.
 */
export function localGraph(graph: SiteGraph, slug: string, limit: number = LOCAL_LIMIT): LocalGraph {
  const self = graph.bySlug.get(slug);
  const near = self === undefined ? undefined : graph.neighbours[self];
  if (self === undefined || !near) return { types: [], nodes: [], links: [], total: 0 };
  const degree = (i: number): number => Math.min(graph.neighbours[i]?.size ?? 0, DEGREE_CAP);
  const slugOf = (i: number): string => graph.slugs[i] ?? '';
  // One number per neighbour, smallest first: strength, then degree, then slug order.
  const count = graph.slugs.length;
  const keys = new Float64Array(near.size);
  let at = 0;
  // forEach, not for…of: no [key, value] pair is made per neighbour (a hub has thousands).
  near.forEach((strength, i) => {
    keys[at++] = ((2 - strength) * (DEGREE_CAP + 1) + DEGREE_CAP - degree(i)) * count + (graph.order[i] ?? 0);
  });
  const chosen = Array.from(keys.sort().subarray(0, limit), (key) => graph.sorted[key % count] ?? 0);
  const ids = [self, ...chosen];
  // Each pair of neighbours once, in order: at most LOCAL_LIMIT² / 2 lookups, however big a neighbour is.
  const links: number[] = [];
  for (let k = 1; k < ids.length; k++) {
    const around = graph.neighbours[ids[k] ?? -1];
    for (let j = k + 1; j < ids.length; j++) if (around?.has(ids[j] ?? -1)) links.push(k, j);
  }
  const types = [...new Set(ids.map((id) => graph.types[id] ?? null).filter((type) => type !== null))];
  return {
    types,
    nodes: ids.map((id) => [slugOf(id), graph.titles[id] ?? slugOf(id), types.indexOf(graph.types[id] ?? ''), degree(id)]),
    links,
    total: near.size,
  };
}

/**
 * The nodes within `hops` links of `slugs`, in any of `graphs` (before and after an edit): a
 * note's title, type and links show on its neighbours' pages, its degree on theirs' too.
 */
export function nearby(graphs: SiteGraph[], slugs: Iterable<string>, hops = 2): Set<string> {
  const found = new Set(slugs);
  let frontier = [...found];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const graph of graphs) {
      for (const slug of frontier) {
        for (const i of graph.neighbours[graph.bySlug.get(slug) ?? -1]?.keys() ?? []) {
          const other = graph.slugs[i] ?? '';
          if (!found.has(other)) {
            found.add(other);
            next.push(other);
          }
        }
      }
    }
    frontier = next;
  }
  return found;
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON to place inside `<script type="application/json">`: `<`, `>` and `&` as \u escapes, so
 * no `</script>` or `<!--` ends or changes the element, and U+2028/U+2029 escaped too (JSON
 * allows them raw, older JavaScript strings do not). JSON.parse reads it back unchanged.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
