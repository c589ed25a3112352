// One id per heading (github-slugger over the heading as a reader sees it), keyed by
// the heading's file line: the heading element and every `[[Note#Heading]]` anchor
// (whose ResolvedLink carries that line) read the same map.
import GithubSlugger from 'github-slugger';
import { SKIP, visit } from 'unist-util-visit';
import type { Nodes, Heading } from 'mdast';
import type { ParsedNote } from '../../parse/types.js';
import { plainText as readerText } from '../../parse/plain-text.js';

export interface HeadingAnchor {
  id: string;
  /** Text as displayed (link aliases, not targets). */
  text: string;
  depth: number;
  line: number;
}

/** Ids the page layout uses; a heading with the same slug gets `-1`. */
const LAYOUT_IDS = ['content', 'search', 'theme-toggle', 'toc', 'backlinks', 'mentioned-in-tables', 'top', 'site-title'];

const cache = new WeakMap<object, HeadingAnchor[]>();

/** A note as far as its heading ids go. */
export type AnchoredNote = Pick<ParsedNote, 'tree' | 'bodyLine'>;

export function headingAnchors(note: AnchoredNote): HeadingAnchor[] {
  let anchors = cache.get(note);
  if (!anchors) {
    const slugger = new GithubSlugger();
    for (const id of LAYOUT_IDS) slugger.slug(id);
    anchors = [];
    const shift = note.bodyLine - 1;
    visit(note.tree, 'heading', (node) => {
      const text = squash(readerText(node));
      anchors?.push({ id: slugger.slug(text) || slugger.slug('section'), text, depth: node.depth, line: lineOf(node) + shift });
      return SKIP;
    });
    cache.set(note, anchors);
  }
  return anchors;
}

/** Anchors computed elsewhere (a render worker has the tree of only some notes). */
export function knownAnchors(note: AnchoredNote, anchors: HeadingAnchor[]): void {
  cache.set(note, anchors);
}

export function headingIdAt(note: AnchoredNote, line: number): string | undefined {
  return headingAnchors(note).find((anchor) => anchor.line === line)?.id;
}

/** Element id of an Obsidian block (`^id`), also the URL fragment that targets it. */
export function blockAnchor(id: string): string {
  return `^${id}`;
}

/**
 * The heading that repeats the note's title (`# NVIDIA` in NVIDIA.md): the page's own
 * `<h1>` shows the title, so this one is dropped and its id moves to the `<h1>`.
 */
export function titleHeading(note: Pick<ParsedNote, 'tree' | 'title'>): Heading | undefined {
  const first = note.tree.children.find((node): node is Heading => node.type === 'heading');
  if (first?.depth !== 1) return undefined;
  return comparable(squash(readerText(first))) === comparable(note.title) ? first : undefined;
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

function comparable(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
