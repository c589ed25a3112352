// A resolved link as markup. Published targets get `<a class="internal">`; a missing
// target a visibly distinct non-link; an unpublished target only its display text.
import type { ElementContent } from 'hast';
import type { ResolvedLink } from '../../resolve/index.js';
import { blockAnchor, headingIdAt } from './heading-ids.js';
import { el, text } from './hast.js';
import { CLOBBER_PREFIX } from './user-ids.js';
import type { RenderEntry, RenderScope, RenderSite } from './scope.js';
import type { SiteAttachment } from '../model/site-model.js';
import { attachmentAllowed } from './attachment-safety.js';
import { canvasLink } from '../canvas/embed.js';
import { BASE_FILE } from '../bases/embed.js';

/** The page a link lands on, if that page is published. */
export function publishedTarget(site: RenderSite, link: ResolvedLink): RenderEntry | undefined {
  return link.note ? site.byPath.get(link.note) : undefined;
}

/** `url#anchor` for a link to a published note. */
export function targetHref(target: RenderEntry, link: ResolvedLink): string {
  if (link.heading) {
    const id = headingIdAt(target.note, link.heading.line);
    if (id) return `${target.url}#${id}`;
  }
  if (link.blockId) return `${target.url}#${blockAnchor(link.blockId)}`;
  // An id from the note's HTML is published prefixed (user-ids.ts).
  if (link.anchor !== undefined) return `${target.url}#${CLOBBER_PREFIX}${encodeURIComponent(link.anchor)}`;
  return target.url;
}

/** The attachment a link names, if the site publishes it: not an HTML, XML or script file
 * unless `site.allowHtmlAttachments` (attachment-safety.ts). A file left out is reported. */
export function publishedAttachment(scope: RenderScope, path: string, link: ResolvedLink): SiteAttachment | undefined {
  const attachment = scope.site.attachments.get(path);
  if (!attachment || attachmentAllowed(path, scope.site.options)) return attachment;
  scope.warnings?.push({
    file: link.source,
    line: link.link.line,
    column: link.link.column,
    rule: 'unsafe-attachment',
    message: `Not published: ${path} could run script on the site (set site.allowHtmlAttachments: true to publish HTML, XML and script files)`,
  });
  return undefined;
}

/** A wikilink or Markdown link to a note or file; `children` is its rendered display. */
export function linkElement(scope: RenderScope, link: ResolvedLink, children: ElementContent[]): ElementContent | ElementContent[] {
  // Broken links are warned about from the link graph (publish/model/warnings.ts), not here:
  // rendering never sees frontmatter links.
  if (link.file) {
    // A published canvas: its page, not its JSON.
    const canvas = scope.site.canvases?.get(link.file);
    if (canvas) return canvasLink(canvas, children);
    // A .base file: its page, never the raw file (which is not copied); an excluded one is text.
    if (BASE_FILE.test(link.file)) {
      const url = scope.site.baseUrls?.get(link.file);
      return url ? el('a', { className: ['internal', 'base-link'], href: url }, children) : children;
    }
    const attachment = publishedAttachment(scope, link.file, link);
    return attachment ? el('a', { className: ['attachment'], href: attachment.url }, children) : children;
  }
  if (link.status === 'unresolved-link' || link.status === 'unresolved-attachment' || !link.note) {
    return el('span', { className: ['unresolved'], title: 'Missing note' }, children);
  }
  const target = publishedTarget(scope.site, link);
  // An unpublished note: its display text only, nothing that names or points to it.
  if (!target) return children;
  // `[x](#page-5)` to an HTML anchor of this page (resolve: link.anchor): its prefixed id.
  if (link.anchor !== undefined && target.note.path === scope.note.note.path)
    return el('a', { href: `#${CLOBBER_PREFIX}${encodeURIComponent(link.anchor)}` }, children);
  // A fragment that is no heading nor known anchor: the fragment
  // as written, which rehypeUserContentIds points at the prefixed id when the page has it.
  if (link.status === 'unresolved-heading' && link.link.path === '' && target.note.path === scope.note.note.path) {
    const hash = link.link.target.indexOf('#');
    if (hash !== -1) return el('a', { href: `#${link.link.target.slice(hash + 1)}` }, children);
  }
  return el('a', { className: ['internal'], href: targetHref(target, link), dataSlug: target.slug }, children);
}

export function plainChildren(value: string): ElementContent[] {
  return [text(value)];
}
