// Ids written in a note's HTML are prefixed `user-content-` (as GitHub does), so `<a id="search">`
// cannot clobber the layout's search box or a global (`window.search`). rehype-sanitize's
// `clobber` prefixes every id; this pass, run after it, takes the prefix off Almanac's own ids
// (headings, blocks), which carry a secret mark until then, and points `#fragment` links at the
// prefixed ids they name.
import { randomBytes } from 'node:crypto';
import type { Element, Nodes, Root } from 'hast';

export const CLOBBER_PREFIX = 'user-content-';

/** Put before the ids Almanac sets (see hast.ts withId). Random per process: a note cannot
 * write it, so no id from a note can pass for one of Almanac's. */
export const OWN_ID_MARK = `almanac-${randomBytes(9).toString('base64url')}-`;

const OWN = CLOBBER_PREFIX + OWN_ID_MARK;

/** rehype plugin: after rehype-sanitize (with `clobber: ['id', …]`, `clobberPrefix: CLOBBER_PREFIX`). */
export function rehypeUserContentIds() {
  return (tree: Root): Root => {
    const elements: Element[] = [];
    collect(tree, elements);
    const own = new Set<string>();
    const ids = new Set<string>();
    for (const element of elements) {
      const id = element.properties.id;
      if (typeof id !== 'string') continue;
      if (id.startsWith(OWN)) {
        element.properties.id = id.slice(OWN.length);
        own.add(element.properties.id);
      } else {
        ids.add(id);
      }
    }
    // `[x](#page-5)` next to `<a id="page-5">`: the link follows the id to its prefixed name.
    for (const element of elements) {
      const href = element.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#')) continue;
      const fragment = href.slice(1);
      if (own.has(fragment) || own.has(decode(fragment))) continue;
      if (ids.has(CLOBBER_PREFIX + fragment) || ids.has(CLOBBER_PREFIX + decode(fragment))) element.properties.href = `#${CLOBBER_PREFIX}${fragment}`;
    }
    return tree;
  };
}

function collect(node: Nodes, into: Element[]): void {
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.type === 'element') into.push(next);
    if ('children' in next) for (const child of next.children) stack.push(child);
  }
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
