// Obsidian's alternative checkboxes: `- [>] rescheduled`, `- [-] cancelled`, `- [?] question`…
// GFM (remark-gfm and the fast path alike) only reads `[ ]` and `[x]` as task items, and
// leaves `[>] ` as the start of the item's text. This transform, shared by both parse paths,
// takes any other single character there as a task status, as Obsidian does: the item is
// checked (Obsidian shows any status but a space as done) and carries `data-task="<char>"`,
// which the theme styles (templates/assets/almanac.css). `[ ]` and `[x]` stay as GFM made them.
import type { ListItem, Nodes, Root, Text } from 'mdast';

declare module 'mdast' {
  interface Data {
    /** The status character of an Obsidian alternative checkbox (`>` for `- [>]`). */
    taskStatus?: string;
  }
}

/** `[c]`, then a space or tab, then something that is not blank (GFM's rule for task items). */
const STATUS = /^\[([^\s[\]\\])\][ \t]+(?=\S)/;

/** Anywhere a status could be written: most notes have none, and are not walked. */
const ANY_STATUS = /\[[^\s[\]\\xX]\][ \t]/;

export function markTaskStatuses(tree: Root, source: string): void {
  if (ANY_STATUS.test(source)) walk(tree, source);
}

function walk(node: Nodes, source: string): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (child.type === 'listItem') statusOf(child, source);
    if ('children' in child) walk(child, source);
  }
}

function statusOf(item: ListItem, source: string): void {
  if (item.checked !== null && item.checked !== undefined) return;
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const head = first.children[0];
  if (head?.type !== 'text') return;
  const match = STATUS.exec(head.value);
  const status = match?.[1];
  if (!match || !status || status === 'x' || status === 'X') return;
  // `\[>] x` is text in Obsidian too: the brackets must be written as they read. (The
  // paragraph's start, not the text's: the fast path gives text nodes no positions.)
  const offset = first.position?.start.offset;
  if (offset !== undefined && source.slice(offset, offset + 3) !== `[${status}]`) return;
  strip(head, match[0].length);
  item.checked = true;
  item.data = { ...item.data, taskStatus: status, hProperties: { ...item.data?.hProperties, dataTask: status } };
}

function strip(head: Text, length: number): void {
  head.value = head.value.slice(length);
  const start = head.position?.start;
  if (head.position && start) {
    head.position = {
      ...head.position,
      start: { line: start.line, column: start.column + length, ...(start.offset === undefined ? {} : { offset: start.offset + length }) },
    };
  }
}
