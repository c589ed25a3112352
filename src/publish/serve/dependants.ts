// Which note pages change when some notes change: the notes themselves, every note
// linking to them (anchors, embeds), every note they link to (backlink sentences), and
// notes embedding those embeds, up to the embed depth limit. Read from both the old and
// the new graph, so links that were just added or removed count too.
// A page's local graph can change beyond these (a neighbour's neighbour count, when a third
// note links to it): replanSite (pages/plan.ts) compares every kept page's graph data instead.
import type { ParsedNote } from '../../parse/types.js';
import type { LinkGraph } from '../../resolve/index.js';
import { MAX_EMBED_DEPTH } from '../render/scope.js';

export function dependantNotes(before: LinkGraph, after: LinkGraph, changed: Iterable<string>): Set<string> {
  const affected = new Set<string>(changed);
  const sources = [...affected];
  for (const graph of [before, after]) {
    for (const path of sources) {
      for (const link of graph.backlinks.get(path) ?? []) affected.add(link.source);
      for (const link of graph.outgoing.get(path) ?? []) if (link.note) affected.add(link.note);
    }
    let frontier = new Set(sources);
    for (let depth = 1; depth <= MAX_EMBED_DEPTH && frontier.size > 0; depth++) {
      const next = new Set<string>();
      for (const path of frontier) {
        for (const link of graph.backlinks.get(path) ?? []) {
          if (link.link.kind === 'embed' && !affected.has(link.source)) next.add(link.source);
          if (link.link.kind === 'embed') affected.add(link.source);
        }
      }
      frontier = next;
    }
  }
  return affected;
}

/** Changes that move URLs or what is published: only a full rebuild gets these right. */
export function changesStructure(before: ParsedNote | undefined, after: ParsedNote | undefined): boolean {
  if (!before || !after) return true;
  return (
    before.publish !== after.publish ||
    JSON.stringify(before.aliases) !== JSON.stringify(after.aliases) ||
    JSON.stringify(before.frontmatter.permalink) !== JSON.stringify(after.frontmatter.permalink)
  );
}

/** Changes that show on listings, the feed or the sitemap (title, type, tags, frontmatter). */
export function changesListings(before: ParsedNote, after: ParsedNote): boolean {
  return (
    before.title !== after.title ||
    before.type !== after.type ||
    JSON.stringify(before.tags.map((tag) => tag.name)) !== JSON.stringify(after.tags.map((tag) => tag.name)) ||
    JSON.stringify(before.frontmatter) !== JSON.stringify(after.frontmatter) ||
    // The Stale notes page lists notes by their *Updated* line too.
    JSON.stringify(before.updatedMarks.map((mark) => mark.date)) !== JSON.stringify(after.updatedMarks.map((mark) => mark.date)) ||
    firstParagraphLine(before) !== firstParagraphLine(after)
  );
}

function firstParagraphLine(note: ParsedNote): string {
  const paragraph = note.tree.children.find((node) => node.type === 'paragraph');
  return paragraph ? JSON.stringify(paragraph.children.map((child) => ('value' in child ? child.value : child.type))) : '';
}
