// Raw HTML in a note (`<br>`, `<div>`, `<span>`…) parsed into elements, so rehype-sanitize
// sees them. parse5 reads the tree again to do it, which costs more than the rest of a
// note's render; most notes have none, and in the rest it is often far down (a `<br>` in a
// table). The blocks before the first one holding raw HTML are Markdown's own, well-formed
// elements: parse5 would give them back as they are and leave its state as it found it (no
// open element, no formatting to reopen), so only the blocks from there on go through it.
import type { Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';

/** `tree` with its raw HTML parsed; `file` gives parsed elements their lines (blocked-iframe warnings name them). */
export function parseRawHtml(tree: Root, file?: VFile): Root {
  const first = tree.children.findIndex((child) => hasRaw(child));
  if (first === -1) return tree;
  if (first === 0) return asRoot(raw(tree, { file }));
  const rest = asRoot(raw({ type: 'root', children: tree.children.slice(first) }, { file }));
  return { ...tree, children: [...tree.children.slice(0, first), ...rest.children] };
}

function asRoot(node: Nodes): Root {
  if (node.type === 'root') return node;
  if (node.type === 'doctype' || node.type === 'element' || node.type === 'comment' || node.type === 'text') return { type: 'root', children: [node] };
  return { type: 'root', children: [] };
}

function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child));
}
