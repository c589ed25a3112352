// A frontmatter value as markup, the way Obsidian's properties view shows it: text with its
// `[[links]]` clickable (only to published notes, see frontmatter-values.ts), web addresses as
// links, dates readable inside `<time datetime>`, lists as pills, booleans as a checkbox,
// numbers as written, nested mappings compactly (`key: value; …`). Text is only ever a text
// node, so a value can hold nothing but text; the block is sanitised after (block.ts).
import type { ElementContent } from 'hast';
import type { ResolvedLink } from '../../resolve/index.js';
import type { SiteModel } from '../model/site-model.js';
import { valueParts } from '../pages/frontmatter-values.js';
import { el, text } from '../render/hast.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const WEB_ADDRESS = /^https?:\/\/[^\s<>"]+$/i;
/** Nesting shown before the rest of a mapping is written as JSON. */
const MAX_DEPTH = 3;

export interface ValueContext {
  site: SiteModel;
  /** The frontmatter links of the key the value belongs to. */
  links: ResolvedLink[];
  /** `site.language`, for dates. */
  language: string;
}

/** True for what Obsidian shows as an empty property (nothing to show here). */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmptyValue);
  return typeof value === 'object' && Object.keys(value).length === 0;
}

export function formatValue(context: ValueContext, value: unknown, depth = 0): ElementContent[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'boolean') {
    return [el('input', { type: 'checkbox', checked: value, disabled: true, className: ['property-boolean'] })];
  }
  if (typeof value === 'number' || typeof value === 'bigint') return [el('span', { className: ['property-number'] }, [text(String(value))])];
  if (typeof value === 'string') return formatText(context, value);
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isEmptyValue(item));
    return [
      el(
        'ul',
        { className: ['property-list'] },
        items.map((item) => el('li', { className: ['property-pill'] }, formatValue(context, item, depth + 1))),
      ),
    ];
  }
  if (typeof value === 'object') {
    if (depth >= MAX_DEPTH) return [text(JSON.stringify(value))];
    const entries = Object.entries(value).filter(([, inner]) => !isEmptyValue(inner));
    const out: ElementContent[] = [];
    entries.forEach(([key, inner], index) => {
      if (index > 0) out.push(text('; '));
      out.push(el('span', { className: ['property-map-key'] }, [text(`${key}:`)]), text(' '), ...formatValue(context, inner, depth + 1));
    });
    return [el('span', { className: ['property-map'] }, out)];
  }
  return [text(String(value))];
}

function formatText(context: ValueContext, value: string): ElementContent[] {
  const trimmed = value.trim();
  const date = formatDate(trimmed, context.language);
  if (date) return [el('time', { dateTime: trimmed }, [text(date)])];
  if (WEB_ADDRESS.test(trimmed)) return [el('a', { className: ['external'], href: trimmed }, [text(trimmed)])];
  return valueParts(context.site, value, context.links).map((part) =>
    part.url ? el('a', { className: ['internal'], href: part.url, ...(part.slug ? { dataSlug: part.slug } : {}) }, [text(part.text)]) : text(part.text),
  );
}

/** `2026-01-14` → `14 Jan 2026` (the site's language), `2026-01-14T09:30` with its time; null if not a real date. */
export function formatDate(value: string, language: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, zone] = match;
  const withTime = hour !== undefined && minute !== undefined;
  const iso = `${year}-${month}-${day}T${withTime ? `${hour}:${minute}` : '00:00'}:00${zone ?? 'Z'}`;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  // A date without a zone is shown as written, not moved into the build machine's zone (formats are UTC).
  const shown = new Date(zone ? time : Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0)));
  if (!zone && shown.getUTCDate() !== Number(day)) return null;
  return dateFormat(language, withTime).format(shown);
}

/** One Intl.DateTimeFormat per language and shape: making one costs ~0.1 ms, and a Bases
 * table of a large vault formats thousands of dates. An unknown language falls back to `en`. */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}\0${withTime}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC', ...(withTime ? { timeStyle: 'short' } : {}) };
    try {
      format = new Intl.DateTimeFormat(language, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options);
    }
    formats.set(key, format);
  }
  return format;
}
