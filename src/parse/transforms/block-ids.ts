// Obsidian block ids, placed as Obsidian reads them (README "Block ids"): `^id` after white
// space at the end of a block names it: ` ^id` on its last line, or `^id` alone on a line
// right under it (a soft or hard line break, so under a paragraph or an image embed, or a
// lazy line under a callout). A paragraph holding only `^id` names the block just before
// it (a table, list, quote, code block). No white space, no id: `text^id` and
// `![[image.png]]^id` are text, as in Obsidian. An id ending a quote's or callout's last
// line names the quote or callout; one ending a list item's text names the item; a `^id`
// line straight under a table (which GFM reads as one more row) names the table.
import type { Root, Parents, RootContent, PhrasingContent, Table, Nodes } from 'mdast';

const TRAILING_ID = /[ \t\r\n]\^([A-Za-z0-9-]+)[ \t]*$/;
const ONLY_ID = /^\^([A-Za-z0-9-]+)[ \t]*$/;

export function attachBlockIds(tree: Root): void {
  walk(tree);
}

function walk(parent: Parents): void {
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!child) continue;
    if (child.type === 'paragraph') {
      const alone = child.children.length === 1 && child.children[0]?.type === 'text' ? ONLY_ID.exec(child.children[0].value.trim()) : null;
      const previous = children[index - 1];
      if (alone?.[1] && previous && previous.type !== 'paragraph' && previous.type !== 'heading') {
        setId(previous, alone[1], child.position?.start.line ?? idLineFallback(parent, child));
        children.splice(index, 1);
        index--;
        continue;
      }
      const id = takeTrailingId(child.children);
      if (id) setId(child, id, child.position?.end.line ?? idLineFallback(parent, child));
      continue;
    }
    if (child.type === 'table') {
      tableId(child);
      continue;
    }
    if (child.type === 'callout' && child.children.length === 0 && !child.data?.blockId) {
      // `> [!info] Title only ^id`: the title line is the callout's last line.
      const id = takeTrailingId(child.title);
      if (id) setId(child, id, child.position?.start.line ?? 1);
    }
    if ('children' in child) {
      walk(child);
      hoist(child);
    }
  }
}

/** Remove a trailing `^id` from a run of phrasing content and return the id. */
function takeTrailingId(nodes: PhrasingContent[]): string | undefined {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text') return undefined;
  const match = TRAILING_ID.exec(last.value);
  if (match?.[1]) {
    last.value = last.value.slice(0, match.index).replace(/[ \t\r\n]+$/, '');
    if (last.value === '') nodes.pop();
    return match[1];
  }
  // `^id` as a whole text node: alone in the run (it names itself), or after a hard break.
  const whole = ONLY_ID.exec(last.value);
  const before = nodes[nodes.length - 2];
  if (whole?.[1] && (nodes.length === 1 || before?.type === 'break')) {
    nodes.splice(before?.type === 'break' ? nodes.length - 2 : nodes.length - 1);
    return whole[1];
  }
  return undefined;
}

/** `| 1 |` then `^id` on the next line: GFM makes the id a row of one filled cell. */
function tableId(table: Table): void {
  const row = table.children[table.children.length - 1];
  if (!row || table.children.length < 2) return;
  const [first, ...others] = row.children;
  const only = first?.children.length === 1 && first.children[0]?.type === 'text' ? ONLY_ID.exec(first.children[0].value.trim()) : null;
  if (!only?.[1] || others.some((cell) => cell.children.length > 0)) return;
  table.children.pop();
  setId(table, only[1], row.position?.start.line ?? table.position?.end.line ?? 1);
}

/** An id ending a quote's or callout's last block names the quote; one ending a list item's text, the item. */
function hoist(node: Parents): void {
  if (node.data?.blockId) return;
  if (node.type === 'blockquote' || node.type === 'callout') {
    const last = node.children[node.children.length - 1];
    if (!last || (last.type !== 'paragraph' && last.type !== 'blockquote' && last.type !== 'callout') || !last.data?.blockId) return;
    moveId(last, node);
    // A paragraph that held only the id leaves nothing to show.
    if (last.type === 'paragraph' && last.children.length === 0) node.children.pop();
  } else if (node.type === 'listItem') {
    const own = node.children.find((child) => child.type === 'paragraph' && child.data?.blockId);
    if (own) moveId(own, node);
  }
}

function moveId(from: Nodes, to: Nodes): void {
  const { blockId, blockIdLine, ...rest } = from.data ?? {};
  if (!blockId) return;
  from.data = rest;
  to.data = { ...to.data, blockId, ...(blockIdLine === undefined ? {} : { blockIdLine }) };
}

function setId(node: Nodes, id: string, line: number): void {
  node.data = { ...node.data, blockId: id, blockIdLine: line };
}

/** A paragraph made by the callout transform has no position: its last line is the container's last line when it ends it. */
function idLineFallback(parent: Parents, child: RootContent): number {
  const children = parent.children as RootContent[];
  const end = parent.position?.end.line ?? 1;
  return children[children.length - 1] === child ? end : (parent.position?.start.line ?? end) + 1;
}
