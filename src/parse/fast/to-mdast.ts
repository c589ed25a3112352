// markdown-it tokens to the mdast remark-parse + remark-gfm + Almanac's Obsidian syntax
// would build (before the tree transforms), with the positions later stages read:
// block nodes' lines, and the start of links, embeds, images, emphasis and inline HTML.
// Blocks are read in block-reader.ts, tables in tables.ts, inline content in phrasing.ts.
import type { Root } from 'mdast';
import { BlockReader } from './block-reader.js';
import { fastTokenizer } from './markdown-it.js';
import { point, sourceLines } from './locate.js';
import { checkTables } from './tables.js';
import { checkTextRefusals } from './text-refusals.js';

export { FastPathUnsupported } from './unsupported.js';

export function fastMdast(markdown: string): Root {
  const tokens = fastTokenizer().parse(markdown, {});
  const source = sourceLines(markdown);
  checkTables(tokens, source);
  const reader = new BlockReader(tokens, source);
  const children = reader.until(null);
  const last = source.lines.length;
  const root: Root = { type: 'root', children, position: { start: point(source, 1, 1), end: point(source, last, (source.lines[last - 1] ?? '').length + 1) } };
  checkTextRefusals(root);
  return root;
}
