// The sentence around a link, as a reader of the source page sees it, for backlinks.
// The parser's `LinkRef.context` spells out embed targets; a backlink must not, because
// an embed of an unpublished note renders as a placeholder that names nothing.
import type { Nodes, Paragraph } from 'mdast';
import type { LinkRef, ParsedNote } from '../../parse/types.js';
import { defaultDisplay } from './links.js';

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

/** Text as the page shows it: link display text, no embeds, comments or raw HTML. */
export function readerText(node: Nodes): string {
  switch (node.type) {
    case 'obsidianLink':
      return node.embed ? '' : (node.alias ?? defaultDisplay(node.value));
    case 'obsidianComment':
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    case 'break':
      return ' ';
    case 'callout':
      return [node.title.map(readerText).join(''), ...node.children.map(readerText)].join(' ');
    default:
      if ('value' in node) return node.value;
      if ('children' in node) {
        const separator = node.type === 'tableRow' || node.type === 'table' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root' ? ' ' : '';
        return node.children.map((child) => readerText(child)).join(separator);
      }
      return '';
  }
}
