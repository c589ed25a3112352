// Frontmatter values as table cells and dates. Wikilinks in values become links only
// when the graph resolved them to a published note.
import type { ParsedNote } from '../../parse/types.js';
import type { ResolvedLink } from '../../resolve/index.js';
import type { SiteModel } from '../model/site-model.js';
import { targetHref } from '../render/links.js';
import { redactorOf } from '../model/redact.js';
import type { CellPart } from './types.js';

const WIKILINK = /\[\[([^\]]*?)\]\]/g;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `updated:` as YYYY-MM-DD, or null when missing or not a date. */
export function updatedDate(note: ParsedNote): string | null {
  const value = note.frontmatter.updated;
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? null : date;
}

export function cellParts(site: SiteModel, note: ParsedNote, key: string): CellPart[] {
  const links = (site.graph.outgoing.get(note.path) ?? []).filter((link) => link.link.kind === 'frontmatter' && link.link.key === key);
  return valueParts(site, note.frontmatter[key], links);
}

/** A frontmatter value as text and links (`links`: the frontmatter links of its key). */
export function valueParts(site: SiteModel, value: unknown, links: ResolvedLink[]): CellPart[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [...(index > 0 ? [{ text: ', ' }] : []), ...valueParts(site, item, links)]);
  }
  if (value instanceof Date) return [{ text: value.toISOString().slice(0, 10) }];
  if (typeof value === 'object') return [{ text: JSON.stringify(value) }];
  if (typeof value !== 'string') return [{ text: String(value) }];
  const parts: CellPart[] = [];
  let last = 0;
  for (const match of value.matchAll(WIKILINK)) {
    if (match.index > last) parts.push({ text: value.slice(last, match.index) });
    parts.push(linkPart(site, match[1] ?? '', links));
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last) });
  return parts;
}

function linkPart(site: SiteModel, inner: string, links: ResolvedLink[]): CellPart {
  const bar = inner.indexOf('|');
  const target = (bar === -1 ? inner : inner.slice(0, bar)).replace(/\\$/, '').trim();
  const display = bar === -1 ? target.replace(/#\^?/g, ' › ') : inner.slice(bar + 1).trim();
  const link = links.find((candidate) => candidate.link.target === target);
  const page = link?.note ? site.byPath.get(link.note) : undefined;
  if (page && link) return { text: display, url: targetHref(page, link), slug: page.slug };
  // Not a published note: shown as text, unless it names a private one.
  const literal = `[[${inner}]]`;
  const redacted = redactorOf(site).text(literal);
  return { text: redacted === literal ? display : redacted };
}

/** `[[Goldman Sachs|GS]]` → `GS`, for frontmatter text shown as plain text. */
export function stripWikilinks(value: string): string {
  return value.replace(WIKILINK, (_, inner: string) => {
    const bar = inner.indexOf('|');
    return bar === -1 ? inner.replace(/#\^?/g, ' › ') : inner.slice(bar + 1);
  });
}
