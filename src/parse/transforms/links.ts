// Turn remark-wiki-link's `wikiLink` nodes (and embed wrappers around them) into
// `obsidianLink` nodes. The target/alias split is read from the token's own source
// so that `[[Note|Note]]` and `[[Note]]` stay distinct, and the backslash of a
// table-escaped `[[Note\|shown]]` is dropped from the target.
import type { Root, Parents, RootContent } from 'mdast';
import type { ObsidianLink } from '../mdast.js';

export function normaliseLinks(tree: Root, source: string): void {
  visitParents(tree, source);
}

function visitParents(parent: Parents, source: string): void {
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (!child) continue;
    if (child.type === 'wikiLink') {
      children[index] = toObsidianLink(child, source, false);
    } else if (child.type === 'obsidianEmbedWrapper') {
      const inner = child.children.find((node) => node.type === 'wikiLink');
      if (inner) {
        const link = toObsidianLink(inner, source, true);
        link.position = child.position;
        children[index] = link;
      }
    } else if ('children' in child) {
      visitParents(child, source);
    }
  }
}

function toObsidianLink(node: RootContent & { type: 'wikiLink' }, source: string, embed: boolean): ObsidianLink {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const raw = start !== undefined && end !== undefined ? source.slice(start, end) : `[[${node.value}]]`;
  const inner = raw.slice(2, -2);
  const bar = inner.indexOf('|');
  let target = bar === -1 ? inner : inner.slice(0, bar);
  const alias = bar === -1 ? null : inner.slice(bar + 1);
  if (bar !== -1 && target.endsWith('\\')) target = target.slice(0, -1);
  return { type: 'obsidianLink', value: target.trim(), alias: alias === null ? null : alias.trim(), embed, position: node.position };
}
