// Text as a reader of the page sees it. The parser's plain text spells out link and
// embed targets; the site must not, since an embed of an unpublished note renders as a
// placeholder that names nothing (headings, backlink sentences and feed summaries use this).
import type { Nodes } from 'mdast';

/** Display text Obsidian shows for a wikilink without `|alias`: `Note › Heading`. */
export function defaultDisplay(target: string): string {
  return target.replace(/\.md(?=#|$)/i, '').replace(/#\^?/g, ' › ').replace(/^ › /, '');
}

/** Link display text, no embeds, comments or raw HTML. */
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
