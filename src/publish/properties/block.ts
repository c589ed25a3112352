// The properties block under a note's title (like Obsidian's properties view): one row per
// frontmatter key, in the order written, leaving out `site.properties.hide` (any case) and
// empty values. Built as hast from text nodes and sanitised with the note allowlist before it
// is written into the page (the template prints it as it is).
import type { Element, Root } from 'hast';
import { unified } from 'unified';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { ParsedNote } from '../../parse/types.js';
import type { SiteModel } from '../model/site-model.js';
import { el, text } from '../render/hast.js';
import { sanitizeSchema } from '../render/sanitize-schema.js';
import { formatValue, isEmptyValue } from './value.js';

const processor = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

/** The keys `site.properties` leaves out, lower-cased; null when the block is off. */
export function hiddenKeys(site: Pick<SiteModel, 'options'>): Set<string> | null {
  const setting = site.options.properties;
  return setting === false ? null : new Set(setting.hide.map((key) => key.toLowerCase()));
}

/** The block as a hast element, or null when the note has no property to show. */
export function propertiesElement(site: SiteModel, note: ParsedNote): Element | null {
  const hidden = hiddenKeys(site);
  if (hidden === null) return null;
  const links = (site.graph.outgoing.get(note.path) ?? []).filter((link) => link.link.kind === 'frontmatter');
  const rows: Element[] = [];
  for (const [key, value] of Object.entries(note.frontmatter)) {
    if (hidden.has(key.toLowerCase()) || isEmptyValue(value)) continue;
    const context = { site, links: links.filter((link) => link.link.key === key), language: site.options.language };
    rows.push(el('div', { className: ['property'], dataProperty: key }, [el('dt', {}, [text(key)]), el('dd', {}, formatValue(context, value))]));
  }
  return rows.length === 0 ? null : el('dl', { className: ['properties'] }, rows);
}

/** The block as sanitised HTML, `''` when there is nothing to show. */
export function propertiesHtml(site: SiteModel, note: ParsedNote): string {
  const block = propertiesElement(site, note);
  return block ? safeHtml([block]) : '';
}

/** Markup Almanac built from note data, through the note allowlist. */
export function safeHtml(children: Element[]): string {
  const tree: Root = { type: 'root', children };
  return processor.stringify(processor.runSync(tree));
}
