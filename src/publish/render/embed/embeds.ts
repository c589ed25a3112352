// `![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]` and `![[image.png|300]]`.
// Note embeds render the target's own tree with the target's own links, at most
// MAX_EMBED_DEPTH deep and never re-entering a note already on the embed chain.
import type { ElementContent } from 'hast';
import type { Nodes, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { ResolvedLink } from '../../../resolve/index.js';
import { headingAnchors, titleHeading, lineOf } from '../heading-ids.js';
import { el, text } from '../hast.js';
import { publishedAttachment, publishedTarget, targetHref } from '../links.js';
import { defaultDisplay } from '../../../parse/plain-text.js';
import { createScope, MAX_EMBED_DEPTH, type RenderEntry, type RenderScope } from '../scope.js';
import type { createHandlers as CreateHandlers } from '../handlers.js';
import { embeddedMark } from './iframes.js';

const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico)$/i;
const AUDIO = /\.(mp3|wav|m4a|ogg|flac|webm)$/i;
const VIDEO = /\.(mp4|mov|ogv|mkv)$/i;
const PDF = /\.pdf$/i;

export interface EmbedRequest {
  link: ResolvedLink;
  /** The embed as written: display text (`|alias`) or alt text. */
  display: string | null;
}

/** Whether an embed renders as a block (`<div class="embed">`) rather than inline. */
export function isBlockEmbed(link: ResolvedLink | undefined): boolean {
  return Boolean(link && link.link.kind === 'embed' && !link.file && link.note);
}

/** An attachment embed: image at its size, audio/video player, else a link to the file. */
export function fileEmbed(scope: RenderScope, request: EmbedRequest): ElementContent {
  const { link } = request;
  const attachment = link.file ? publishedAttachment(scope, link.file, link) : undefined;
  const name = link.link.path.slice(link.link.path.lastIndexOf('/') + 1);
  // A file in an excluded folder: as private as the notes there.
  if (!attachment && link.file) return el('span', { className: ['embed', 'embed-private'] }, [text('This content is not published.')]);
  if (!attachment) return el('span', { className: ['unresolved'], title: 'Missing file' }, [text(request.display ?? name)]);
  if (IMAGE.test(attachment.path)) {
    const size = link.link.size;
    return el('img', {
      src: attachment.url,
      alt: request.display ?? name.replace(/\.[^.]+$/, ''),
      loading: 'lazy',
      ...(size ? { width: size.width } : {}),
      ...(size?.height ? { height: size.height } : {}),
    });
  }
  if (PDF.test(attachment.path)) return pdfEmbed(attachment.url, name, link.link.target);
  if (AUDIO.test(attachment.path)) return el('audio', { src: attachment.url, controls: true, preload: 'metadata' });
  if (VIDEO.test(attachment.path)) return el('video', { src: attachment.url, controls: true, preload: 'metadata' });
  return el('a', { className: ['attachment'], href: attachment.url }, [text(request.display ?? name)]);
}

/**
 * `![[doc.pdf]]`, `![[doc.pdf#page=3]]`, `![[doc.pdf#height=400]]` (or both, `#page=3&height=400`):
 * the copied file in the browser's PDF viewer, and a link to it for browsers that show none.
 */
function pdfEmbed(url: string, name: string, target: string): ElementContent {
  const hash = target.indexOf('#');
  const params = new URLSearchParams(hash === -1 ? '' : target.slice(hash + 1).replace(/#/g, '&'));
  const page = /^\d{1,5}$/.test(params.get('page') ?? '') ? params.get('page') : null;
  const height = /^\d{1,5}$/.test(params.get('height') ?? '') ? params.get('height') : null;
  const frame = el('iframe', { src: page ? `${url}#page=${page}` : url, title: name, ...(height ? { height } : {}) });
  return el('span', { className: ['embed-pdf'] }, [frame, el('a', { className: ['attachment'], href: url }, [text(`Download ${name}`)])]);
}

/** A note, section or block embed, as a block element. */
export function noteEmbed(scope: RenderScope, request: EmbedRequest, createHandlers: typeof CreateHandlers): ElementContent {
  const { link } = request;
  const display = request.display ?? defaultDisplay(link.link.target);
  if (link.status === 'unresolved-link' || !link.note) {
    return el('span', { className: ['unresolved'], title: 'Missing note' }, [text(display)]);
  }
  const target = publishedTarget(scope.site, link);
  if (!target) return el('div', { className: ['embed', 'embed-private'] }, [text('This content is not published.')]);
  const title = el('div', { className: ['embed-title'] }, [
    el('a', { className: ['internal'], href: targetHref(target, link), dataSlug: target.slug }, [text(embedTitle(target, link))]),
  ]);
  const nodes = link.status === 'unresolved-heading' || link.status === 'unresolved-block' ? undefined : selectNodes(target, link);
  const tooDeep = scope.depth + 1 > MAX_EMBED_DEPTH || scope.stack.includes(target.note.path) || target.note.path === scope.note.note.path;
  if (!nodes || tooDeep) return el('div', { className: ['embed', 'embed-link'], dataSlug: target.slug }, [title]);
  const inner = createScope(scope.site, target, scope.depth + 1, [...scope.stack, scope.note.note.path], null, scope.features);
  const tree = toHast({ type: 'root', children: nodes }, { handlers: createHandlers(inner), allowDangerousHtml: true });
  const content =
    tree.type === 'root' ? tree.children.filter((node): node is ElementContent => node.type !== 'doctype') : tree.type === 'doctype' ? [] : [tree];
  return el('div', { className: ['embed'], dataSlug: target.slug }, [title, el('div', { className: ['embed-content'], ...embeddedMark() }, content)]);
}

function embedTitle(target: RenderEntry, link: ResolvedLink): string {
  const heading = link.heading ? headingAnchors(target.note).find((anchor) => anchor.line === link.heading?.line) : undefined;
  // The heading as displayed (link aliases, not link targets, which may name unpublished notes).
  return heading ? `${target.note.title} › ${heading.text}` : target.note.title;
}

/** The part of the target a link names: the whole note, a heading's section, or one block. */
function selectNodes(target: RenderEntry, link: ResolvedLink): RootContent[] | undefined {
  const children = target.note.tree.children;
  const shift = target.note.bodyLine - 1;
  if (link.heading) {
    const line = link.heading.line - shift;
    const start = children.findIndex((node) => node.type === 'heading' && lineOf(node) === line);
    const heading = children[start];
    if (heading?.type !== 'heading') return undefined;
    let end = start + 1;
    while (end < children.length) {
      const next = children[end];
      if (next?.type === 'heading' && next.depth <= heading.depth) break;
      end++;
    }
    // A `---` that only separates this section from the next is not part of it.
    while (end > start + 1 && children[end - 1]?.type === 'thematicBreak') end--;
    return children.slice(start, end);
  }
  if (link.blockId) {
    const block = findBlock(target.note.tree, link.blockId.toLowerCase());
    if (!block) return undefined;
    if (block.type === 'listItem') return [{ type: 'list', ordered: false, spread: false, children: [block] }];
    return [block as RootContent];
  }
  const title = titleHeading(target.note);
  return children.filter((node) => node !== title);
}

function findBlock(node: Nodes, id: string): Nodes | undefined {
  if (node.data?.blockId?.toLowerCase() === id) return node;
  if ('children' in node) {
    for (const child of node.children) {
      const found = findBlock(child, id);
      if (found) return found;
    }
  }
  return undefined;
}
