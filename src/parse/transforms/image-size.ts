// Markdown image sizes, as Obsidian reads them: `![alt|120](x.png)`, `![|120x80](x.png)`.
// The `|size` leaves the alt text and becomes the image's width (and height), as on
// `![[x.png|120]]` (link-target.ts parseSize). Shared by both parse paths; vault images
// get the size through their link's facts (extract.ts), remote ones through hProperties.
import type { Image, Nodes, Root } from 'mdast';

declare module 'mdast' {
  interface Data {
    /** Width (and height) from `|W` or `|WxH` at the end of a Markdown image's alt text. */
    imageSize?: { width: number; height?: number };
  }
}

const SIZED_ALT = /^([\s\S]*?)\|[ \t]*(\d+)(?:x(\d+))?[ \t]*$/;

/** A `|120]` or `|120x80]` somewhere: a note without one has no sized image and is not walked. */
const ANY_SIZE = /\|[ \t]*\d+(?:x\d+)?[ \t]*\]/;

export function markImageSizes(tree: Root, source: string): void {
  if (source.includes('![') && ANY_SIZE.test(source)) walk(tree);
}

function walk(node: Nodes): void {
  if (node.type === 'image') sizeOf(node);
  if ('children' in node) for (const child of node.children) walk(child);
}

function sizeOf(image: Image): void {
  const match = image.alt ? SIZED_ALT.exec(image.alt) : null;
  if (!match?.[2]) return;
  const width = Number(match[2]);
  const height = match[3] ? Number(match[3]) : undefined;
  const size = height === undefined ? { width } : { width, height };
  image.alt = (match[1] ?? '').trim();
  image.data = { ...image.data, imageSize: size, hProperties: { ...image.data?.hProperties, ...size } };
}
