// Iframes in note HTML, after rehype-sanitize (which keeps `<iframe>` with a few attributes,
// sanitize-schema.ts): every iframe in the page's tree, whatever wrote it (raw HTML in the note,
// in a callout or table, in an embedded note; an embed of a video URL; a PDF embed), is judged
// here, the one place that decides. Kept iframes are rebuilt from the allowed attributes only,
// with Almanac's sandbox, `loading="lazy"` and a referrer policy; others are removed with a
// `blocked-iframe` warning at the note's line (embedded notes warn on their own page).
import { randomBytes } from 'node:crypto';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { RenderScope, RenderSite } from '../scope.js';
import { filterAllow, judgeFrameSrc, type AllowedFrame } from './iframe-hosts.js';

/** Set on an embedded note's content (embeds.ts): random per process, so a note cannot forge it. */
export const EMBEDDED_MARK = `embedded-${randomBytes(9).toString('base64url')}`;
const MARK_PROPERTY = 'dataAlmanacEmbedded';

/** YouTube's player refuses to play without a referrer; send only the origin. */
const REFERRER_POLICY = 'strict-origin-when-cross-origin';
const DIMENSION = /^\d{1,5}%?$/;

/** The property embeds.ts sets on an embedded note's content. */
export function embeddedMark(): Properties {
  return { [MARK_PROPERTY]: EMBEDDED_MARK };
}

/** rehype plugin: after rehype-sanitize. */
export function rehypeIframes(scope: RenderScope) {
  return (tree: Root): Root => {
    visit(tree, scope, false);
    return tree;
  };
}

function visit(parent: Root | Element, scope: RenderScope, embedded: boolean): void {
  const children: Array<RootContent | ElementContent> = parent.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child?.type !== 'element') continue;
    const inner = embedded || child.properties[MARK_PROPERTY] === EMBEDDED_MARK;
    delete child.properties[MARK_PROPERTY];
    if (child.tagName === 'iframe') {
      const kept = keepFrame(child, scope, inner);
      if (kept) children[index] = kept;
      else children.splice(index--, 1);
      continue;
    }
    visit(child, scope, inner);
  }
}

function keepFrame(frame: Element, scope: RenderScope, embedded: boolean): Element | null {
  const { src } = frame.properties;
  if (typeof src === 'string' && isPdfAttachment(scope.site, src)) return pdfFrame(frame, src);
  const verdict = judgeFrameSrc(src, scope.site.options.embeds ?? []);
  if (verdict.ok) return allowedFrame(frame, verdict.frame);
  if (!embedded && scope.warnings) {
    const start = frame.position?.start;
    scope.warnings.push({
      file: scope.note.note.path,
      line: (start?.line ?? 1) + scope.note.note.bodyLine - 1,
      column: start?.column ?? 1,
      rule: 'blocked-iframe',
      message: `Removed an iframe: ${verdict.reason}`,
    });
  }
  return null;
}

function allowedFrame(frame: Element, allowed: AllowedFrame): Element {
  const { title, allowFullScreen } = frame.properties;
  const allow = filterAllow(frame.properties.allow);
  return {
    type: 'element',
    tagName: 'iframe',
    properties: {
      src: allowed.src,
      ...dimensions(frame.properties),
      ...(typeof title === 'string' && title !== '' ? { title } : {}),
      ...(allow ? { allow } : {}),
      ...(allowFullScreen === true || allowFullScreen === '' ? { allowFullScreen: true } : {}),
      sandbox: allowed.sandbox,
      loading: 'lazy',
      referrerPolicy: REFERRER_POLICY,
    },
    children: [],
    ...(frame.position ? { position: frame.position } : {}),
  };
}

/** A published PDF of the site, shown by the browser's own viewer: no sandbox (Chrome's viewer
 * refuses to run in a sandboxed frame), same origin, and nothing but the file. */
function pdfFrame(frame: Element, src: string): Element {
  const { title } = frame.properties;
  return {
    type: 'element',
    tagName: 'iframe',
    properties: { src, ...dimensions(frame.properties), ...(typeof title === 'string' && title !== '' ? { title } : {}), loading: 'lazy' },
    children: [],
  };
}

function dimensions(properties: Properties): Properties {
  const out: Properties = {};
  for (const key of ['width', 'height'] as const) {
    const value = properties[key];
    if ((typeof value === 'string' || typeof value === 'number') && DIMENSION.test(String(value))) out[key] = String(value);
  }
  return out;
}

const pdfUrlCache = new WeakMap<RenderSite['attachments'], Set<string>>();

/** The URL of a published `.pdf` attachment, with any `#page=…` fragment. */
function isPdfAttachment(site: RenderSite, src: string): boolean {
  let urls = pdfUrlCache.get(site.attachments);
  if (!urls) {
    urls = new Set([...site.attachments.values()].filter((file) => /\.pdf$/i.test(file.path)).map((file) => file.url));
    pdfUrlCache.set(site.attachments, urls);
  }
  const hash = src.indexOf('#');
  return urls.has(hash === -1 ? src : src.slice(0, hash));
}
