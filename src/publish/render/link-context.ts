// The sentence around a link, as a reader of the source page sees it, for backlinks
// (the parser's `LinkRef.context` spells out embed targets; see reader-text.ts).
import type { Nodes, Paragraph } from 'mdast';
import type { LinkRef, ParsedNote } from '../../parse/types.js';
import { readerText } from '../reader-text.js';

const CONTEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'callout']);
const LINK_NODES = new Set(['obsidianLink', 'link', 'image']);

const cache = new WeakMap<ParsedNote, Map<string, string>>();

export function linkContext(note: ParsedNote, link: LinkRef): string {
  let contexts = cache.get(note);
  if (!contexts) {
    contexts = collectContexts(note);
    cache.set(note, contexts);
  }
  return contexts.get(`${link.line}:${link.column}`) ?? '';
}

function collectContexts(note: ParsedNote): Map<string, string> {
  const contexts = new Map<string, string>();
  const shift = note.bodyLine - 1;
  const texts = new Map<Nodes, string>();
  const visit = (node: Nodes, block: Nodes | undefined): void => {
    const here = CONTEXT_BLOCKS.has(node.type) ? node : block;
    if (LINK_NODES.has(node.type) && here && node.position) {
      let text = texts.get(here);
      if (text === undefined) {
        text = readerText(here).replace(/\s+/g, ' ').trim();
        texts.set(here, text);
      }
      contexts.set(`${node.position.start.line + shift}:${node.position.start.column}`, text);
    }
    if ('children' in node) for (const child of node.children) visit(child, here);
    if (node.type === 'callout') {
      const title: Paragraph = { type: 'paragraph', children: node.title };
      for (const child of node.title) visit(child, title);
    }
  };
  visit(note.tree, undefined);
  return contexts;
}
