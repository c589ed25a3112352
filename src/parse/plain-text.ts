// Readable text of a node as a reader sees it: link display text, no comments or HTML.
import type { Nodes } from 'mdast';

export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'obsidianLink':
      return node.alias ?? node.value.replace(/#\^?/g, ' › ').replace(/^ › /, '');
    case 'obsidianComment':
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    case 'break':
      return ' ';
    default:
      if ('value' in node) return node.value;
      if ('children' in node) {
        const separator = node.type === 'tableRow' || node.type === 'table' || node.type === 'list' || node.type === 'callout' || node.type === 'blockquote' || node.type === 'root' ? ' ' : '';
        return node.children.map((child) => plainText(child)).join(separator);
      }
      return '';
  }
}
