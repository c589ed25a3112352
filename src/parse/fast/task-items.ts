// GFM task list items on the fast path, as remark-gfm reads them.
import type { ListItem } from 'mdast';
import { FastPathUnsupported } from './unsupported.js';

/** GFM task list items: `[ ]` / `[x]` at the start of the first paragraph. */
export function taskItem(item: ListItem): ListItem {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return item;
  const head = first.children[0];
  if (head?.type !== 'text') return item;
  // micromark: the check, one space, tab or line ending, then something that is not blank.
  if (/^\[[ xX]\]$/.test(head.value) && first.children[1]?.type === 'break') throw new FastPathUnsupported('task check before a hard break');
  const match = /^\[([ xX])\][ \t\n]/.exec(head.value);
  if (!match) return item;
  if (head.value.charAt(3) === '\n') throw new FastPathUnsupported('task check at the end of its line');
  const rest = head.value.slice(4);
  if (rest.trim() === '' && first.children.length === 1) return item;
  if (rest === '') first.children.shift();
  else head.value = rest;
  return { ...item, checked: match[1] !== ' ' };
}
