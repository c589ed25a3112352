// A canvas as the "from" side of link resolution: resolveLink reads the linking file's path
// (its folder ranks candidates, `./` and `../` are relative to it) and, for `[[#Heading]]`,
// its headings. A canvas has none, so such a link is `unresolved-heading`.
import type { ParsedNote } from '../parse/types.js';
import type { ParsedCanvas } from './types.js';

export function canvasAsSource(canvas: ParsedCanvas): ParsedNote {
  return {
    path: canvas.path,
    name: canvas.title,
    title: canvas.title,
    type: null,
    aliases: [],
    tags: [],
    publish: true,
    frontmatter: {},
    frontmatterLines: {},
    bodyLine: 1,
    headings: [],
    blocks: [],
    anchors: [],
    links: canvas.links,
    suppressions: [],
    feedRegions: [],
    updatedMarks: [],
    tables: [],
    charts: [],
    issues: [],
    tree: { type: 'root', children: [] },
  };
}
