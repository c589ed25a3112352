// The site's canvases: every .canvas file not left out by `site.exclude` gets a page at the
// slug of its path (`Boards/Plan.canvas` → `/boards/plan-canvas/`), taken after every note's,
// so no note's URL moves. Links and embeds of a canvas land on that page, not on its JSON.
import type { ParsedCanvas } from '../../canvas/types.js';
import type { Excluder } from '../../config/exclude.js';
import type { LinkGraph } from '../../resolve/index.js';
import { safeSlug } from '../model/generated-pages.js';
import { slugifyPath, type SlugAllocator } from '../model/slug.js';
import { pageUrl } from '../model/urls.js';
import type { CanvasTarget } from '../render/scope.js';

export interface SiteCanvas extends CanvasTarget {
  canvas: ParsedCanvas;
}

/** Cards shown on the card a note embeds. */
const EXCERPTS = 4;

export function placeCanvases(graph: LinkGraph, slugs: SlugAllocator, base: string, excluded: Excluder): Map<string, SiteCanvas> {
  const canvases = new Map<string, SiteCanvas>();
  for (const canvas of graph.canvases ?? []) {
    if (excluded.excludes(canvas.path)) continue;
    const slug = slugs.take(safeSlug(slugifyPath(canvas.path)));
    canvases.set(canvas.path, { canvas, ...canvasTarget(canvas, slug, pageUrl(base, slug)) });
  }
  return canvases;
}

/** What a note's `![[Plan.canvas]]` shows: the title, how many cards, the first cards' first lines. */
function canvasTarget(canvas: ParsedCanvas, slug: string, url: string): CanvasTarget {
  const excerpt: string[] = [];
  for (const node of canvas.nodes) {
    if (excerpt.length >= EXCERPTS) break;
    // Text and group labels only: a file node may name a note that is not published.
    const text = node.type === 'text' ? firstLine(node.text) : node.type === 'group' ? (node.label ?? '') : '';
    if (text !== '') excerpt.push(text);
  }
  const cards = canvas.nodes.filter((node) => node.type !== 'group').length;
  return { path: canvas.path, slug, url, title: canvas.title, cards, edges: canvas.edges.length, excerpt, invalid: canvas.invalid !== null };
}

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  const plain = line.replace(/^#{1,6}\s+/, '').replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2');
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}
