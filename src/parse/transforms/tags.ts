// Inline `#tags` inside text nodes (so never in code, links or comments). Obsidian's
// rule: letters, digits, `_`, `-`, `/`; at least one non-digit; after a space or at
// the start of the text.
import type { Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { Tag } from '../mdast.js';

const TAG = /(?<=^|[\s(,;])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

export function markTags(tree: Root): void {
  findAndReplace(
    tree,
    [
      TAG,
      (value: string, name: string): Tag => ({ type: 'tag', value, name: name.replace(/\/+$/, '') }),
    ],
    { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'obsidianLink', 'obsidianComment', 'html'] },
  );
}
