// Inline `#tags` inside text nodes (so never in code, links or comments). Obsidian's
// rule: letters, digits, `_`, `-`, `/`; at least one non-digit; after a space or at
// the start of the text.
//
// The same walk as mdast-util-find-and-replace (children only, ignored types skipped,
// each matching text node split into text and tag nodes, the new text without positions),
// but text without a `#` is passed over before any regex runs: most text has none, and
// this walk ran on every note at ~0.3 ms each. test/tags.test.ts holds it equal to
// findAndReplace on whole vaults.
//
// A `#` that the source spells as an escape or a character reference (`\#tag`, `&#35;tag`,
// as refresh writes feed values) is text in Obsidian, whose tag index reads the source:
// where a text node's source differs from its value, only tags also found in the source count.
import type { Parents, Root, RootContent, Text } from 'mdast';
import type { Tag } from '../mdast.js';

const TAG = /(?<=^|[\s(,;])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
/** A `#` written as itself in the source (not `\#`, not inside `&#35;` / `&#x23;`). */
const WRITTEN_TAG = /(?<![\\&])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

/** Node types whose text never holds tags. */
export const TAG_FREE = new Set(['link', 'linkReference', 'inlineCode', 'code', 'obsidianLink', 'obsidianComment', 'html']);

export function markTags(tree: Root, source = ''): void {
  walk(tree, source, null);
}

/** Blocks whose source is read for escaped `#`s: the same nodes, with positions, from both tokenizers. */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** `written`: the tags the enclosing block's source holds, when it holds an escape or a
 * character reference (then a tag in the text counts only if the source has it), else null. */
function walk(parent: Parents, source: string, written: string[] | null): void {
  const children: RootContent[] = parent.children;
  let index = 0;
  while (index < children.length) {
    const node = children[index];
    if (node === undefined) break;
    if (node.type === 'text') {
      const split = node.value.includes('#') ? splitTags(node, written) : null;
      if (split) children.splice(index, 1, ...split);
      index += split ? split.length : 1;
      continue;
    }
    if (!TAG_FREE.has(node.type) && 'children' in node) walk(node, source, PHRASING_BLOCKS.has(node.type) ? writtenTags(node, source) : written);
    index++;
  }
}

function writtenTags(node: RootContent, source: string): string[] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const text = source.slice(start, end);
  if (!text.includes('&') && !text.includes('\\')) return null;
  return Array.from(text.matchAll(WRITTEN_TAG), (match) => match[0]);
}

/** The text node as text and tag nodes, or null when it holds no tag. */
function splitTags(node: Text, written: string[] | null): Array<Text | Tag> | null {
  const value = node.value;
  const nodes: Array<Text | Tag> = [];
  let start = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(value); match; match = TAG.exec(value)) {
    const found = written ? written.indexOf(match[0]) : 0;
    if (found < 0) continue;
    written?.splice(found, 1);
    if (match.index !== start) nodes.push({ type: 'text', value: value.slice(start, match.index) });
    nodes.push({ type: 'tag', value: match[0], name: (match[1] ?? '').replace(/\/+$/, '') });
    start = match.index + match[0].length;
  }
  if (nodes.length === 0) return null;
  if (start < value.length) nodes.push({ type: 'text', value: value.slice(start) });
  return nodes;
}
