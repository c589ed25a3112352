// Text as a reader of the note sees it: link display text, no embeds, comments or raw
// HTML. Used for link sentences (backlinks), headings and summaries on the site, so an
// embed of an unpublished note never spells out its name.
import type { Nodes } from 'mdast';

/**
 * Display text Obsidian shows for a wikilink without `|alias`: `Note › Heading`. Empty parts
 * are dropped (`[[Note#]]` reads `Note`, not `Note › `); `[[#]]` keeps what was written.
 */
export function defaultDisplay(target: string): string {
  const parts = target
    .split(/#\^?/)
    .map((part, index) => (index === 0 ? part.replace(/\.md$/i, '') : part).trim())
    .filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' › ') : target.trim();
}

const SPACED = new Set(['tableRow', 'table', 'list', 'listItem', 'blockquote', 'root']);

export function plainText(node: Nodes): string {
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
      return [node.title.map(plainText).join(''), ...node.children.map(plainText)].join(' ');
    default:
      if ('value' in node) return node.value;
      if ('children' in node) return node.children.map((child) => plainText(child)).join(SPACED.has(node.type) ? ' ' : '');
      return '';
  }
}
