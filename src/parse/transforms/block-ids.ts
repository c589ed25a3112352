// Obsidian block ids: ` ^id` at the end of a paragraph names that paragraph; a
// paragraph holding only `^id` names the block just before it (a table, list, quote).
import type { Root, Parents, RootContent } from 'mdast';

const TRAILING_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;
const ONLY_ID = /^\^([A-Za-z0-9-]+)$/;

export function attachBlockIds(tree: Root): void {
  walk(tree);
}

function walk(parent: Parents): void {
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!child) continue;
    if (child.type === 'paragraph') {
      const last = child.children[child.children.length - 1];
      if (last?.type !== 'text') continue;
      const alone = child.children.length === 1 ? ONLY_ID.exec(last.value.trim()) : null;
      const previous = children[index - 1];
      if (alone?.[1] && previous && previous.type !== 'paragraph' && previous.type !== 'heading') {
        previous.data = { ...previous.data, blockId: alone[1] };
        children.splice(index, 1);
        index--;
        continue;
      }
      const match = TRAILING_ID.exec(last.value);
      if (match?.[1]) {
        last.value = last.value.slice(0, match.index).replace(/[ \t]+$/, '');
        if (last.value === '') child.children.pop();
        child.data = { ...child.data, blockId: match[1] };
      }
    } else if ('children' in child) {
      walk(child);
    }
  }
}
