// Attachments that would run script on the site's origin when opened. SVG is sanitised as
// it is copied (script, event handlers, foreign objects, javascript: links and external
// <use> removed); HTML, XHTML, XML, compressed SVG and script files are published only when
// `site.allowHtmlAttachments` is true, and otherwise neither copied nor linked to.
import { readFileSync, writeFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Extensions a browser may run script from when the file is opened from the site. */
export const ACTIVE_EXTENSIONS = [
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.xht',
  '.xml',
  '.xsl',
  '.xslt',
  '.svgz',
  '.js',
  '.mjs',
  '.cjs',
  '.mht',
  '.mhtml',
  '.swf',
];

export function isActiveAttachment(path: string): boolean {
  const lower = path.toLowerCase();
  return ACTIVE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Whether the site publishes (copies and links to) the attachment at `path`. */
export function attachmentAllowed(path: string, options: { allowHtmlAttachments?: boolean | undefined }): boolean {
  return options.allowHtmlAttachments === true || !isActiveAttachment(path);
}

/** Copy one attachment's bytes; an SVG is written sanitised. */
export function writeAttachment(source: string, target: string, copy: (source: string, target: string) => void): void {
  if (!target.toLowerCase().endsWith('.svg')) {
    copy(source, target);
    return;
  }
  writeFileSync(target, sanitizeSvg(readFileSync(source, 'utf8')));
}

/** SVG elements kept (DOMPurify's SVG and filter lists, and <use> of this file's own shapes): no script, foreignObject, iframe,
 * animate or set (which can rewrite an href to javascript:). Others go with their content. */
const ELEMENTS = new Set(
  'svg use a altglyph altglyphdef altglyphitem animatemotion animatetransform circle clippath defs desc ellipse filter font g glyph glyphref hkern image line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect stop style switch symbol text textpath title tref tspan view vkern feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence'.split(
    ' ',
  ),
);

const IMAGE_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);/i;
const WEB_LINK = /^(?:https?:|mailto:)/i;
/** CSS that could load script in old engines, or fetch more CSS. */
const RISKY_CSS = /javascript:|expression\s*\(|@import|behavior\s*:|-moz-binding/i;

/**
 * The SVG with only what draws: parsed as SVG by the HTML parser (which never expands
 * `<!ENTITY>` declarations), allowed elements and attributes kept, written back as XML.
 */
export function sanitizeSvg(source: string): string {
  const tree = fromHtml(source, { fragment: true, space: 'svg' });
  // Only elements at the top: text there (what is left of a doctype's internal subset) is not XML.
  const root: Root = { type: 'root', children: cleanChildren(tree.children).filter((node) => node.type === 'element') };
  return `${toHtml(root, { space: 'svg', closeEmptyElements: true, allowDangerousHtml: true })}\n`;
}

function cleanChildren(children: Array<RootContent | ElementContent>): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'text') kept.push(child);
    else if (child.type === 'element') {
      const element = cleanElement(child);
      if (element) kept.push(element);
    }
    // Comments, doctypes (with their entity declarations) and processing instructions go.
  }
  return kept;
}

function cleanElement(element: Element): Element | null {
  const name = element.tagName.toLowerCase();
  if (!ELEMENTS.has(name)) return null;
  const properties: Element['properties'] = {};
  for (const [key, value] of Object.entries(element.properties)) {
    if (keepAttribute(name, key, value)) properties[key] = value;
  }
  if (name === 'style') {
    const css = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    if (RISKY_CSS.test(css)) return null;
    // The serializer writes <style> text as it is; as XML it must be escaped (else `</style><script>`
    // in a CDATA section would come out as a live element).
    return { ...element, properties, children: [{ type: 'raw', value: escapeXml(css) }] };
  }
  return { ...element, properties, children: cleanChildren(element.children) };
}

function keepAttribute(element: string, key: string, value: unknown): boolean {
  const lower = key.toLowerCase();
  // Event handlers, xml:base (re-bases links), and attributes of other namespaces (Inkscape's), whose
  // prefixes would be unbound once their declarations' elements are gone.
  if (lower.startsWith('on') || lower === 'xmlbase' || key.includes(':')) return false;
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  // Attribute values are written with `<` as is, which XML does not allow.
  if (text.includes('<')) return false;
  if (lower === 'style') return !RISKY_CSS.test(text);
  if (lower === 'href' || lower === 'xlinkhref') {
    // As a browser reads it: tabs, newlines and controls inside a scheme are dropped (`java\tscript:`).
    const url = text.replace(/[\u0000-\u0020\u007f]/g, '');
    if (url.startsWith('#')) return true;
    // <use> only of this file's own shapes: no external <use>.
    if (element === 'a') return WEB_LINK.test(url);
    if (element === 'image' || element === 'feimage') return IMAGE_DATA.test(url) || /^https?:/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);
    return false;
  }
  return !(lower === 'src' || lower === 'action' || lower === 'formaction');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
