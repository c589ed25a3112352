// How a page's backlinks read (issue 17 §3): one entry per linking note, sorted by the note's
// type, then title (untyped notes after typed ones, canvases last), each with its most telling
// sentence first. A sentence that says nothing but the linked note's name ("Sector Rotation",
// the Related list's "[[Sector Rotation]]") is dropped: the linking note's title says as much.
import { words } from '../search/words.js';
import { compareText } from './collate.js';
import type { Backlink } from './types.js';

export interface BacklinkSource {
  backlink: Backlink;
  /** The note's place in the site's title order (site-index.ts titleRank). */
  rank: number;
  /** A canvas linking here: listed after the notes. */
  canvas: boolean;
}

/** Linking notes in reading order, each with its contexts best first (see contextOrder). */
export function shapeBacklinks(sources: Iterable<BacklinkSource>, names: readonly string[]): Backlink[] {
  const named = new Set(names.flatMap((name) => words(name)));
  const sorted = [...sources].sort(
    (a, b) =>
      Number(a.canvas) - Number(b.canvas) ||
      Number(a.backlink.type === undefined) - Number(b.backlink.type === undefined) ||
      compareText(a.backlink.type ?? '', b.backlink.type ?? '') ||
      a.rank - b.rank,
  );
  return sorted.map(({ backlink }) => ({ ...backlink, contexts: contextOrder(backlink.contexts, named) }));
}

/** The context with the most words beyond the linked note's name first, the rest as they come;
 * none that is only the name (and › heading path words already in it). */
export function contextOrder(contexts: readonly string[], named: ReadonlySet<string>): string[] {
  const scored = contexts.map((context, at) => ({ context, at, told: words(context).filter((word) => !named.has(word)).length }));
  const kept = scored.filter((entry) => entry.told > 0);
  const best = kept.reduce<(typeof kept)[number] | null>((top, entry) => (top === null || entry.told > top.told ? entry : top), null);
  if (best === null) return [];
  return [best.context, ...kept.filter((entry) => entry !== best).map((entry) => entry.context)];
}
