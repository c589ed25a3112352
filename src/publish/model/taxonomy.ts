// Where tag, type and folder pages live, and what each type is called on the site.
import { slugifySegment } from './slug.js';
import { pageUrl } from './urls.js';

/** Tags are case-insensitive, as in Obsidian. */
export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export function tagSlug(name: string): string {
  const segments = tagKey(name)
    .split('/')
    .filter((segment) => segment !== '');
  return `tags/${segments.map((segment) => slugifySegment(segment) || 'tag').join('/')}`;
}

export function tagUrl(base: string, name: string): string {
  return pageUrl(base, tagSlug(name));
}

/** `markets/rotation/2026` → `markets`, `markets/rotation`, `markets/rotation/2026`. */
export function tagAncestry(name: string): string[] {
  const segments = name.split('/').filter((segment) => segment !== '');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

const TYPE_LABELS: Record<string, string> = {
  analyst: 'Analysts',
  firm: 'Firms',
  etf: 'ETFs',
  company: 'Companies',
  rotation: 'Rotations',
  concept: 'Concepts',
  thesis: 'Theses',
  event: 'Events',
};

/** Plural display name of a note type: `company` → `Companies`. */
export function typeLabel(type: string): string {
  const known = TYPE_LABELS[type.toLowerCase()];
  if (known) return known;
  const word = type.charAt(0).toUpperCase() + type.slice(1);
  // A name already plural (`Books`, `Clippings`) or of someone else's words stays as written.
  if (/s$/i.test(word)) return word;
  if (/(x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export function typeSlug(type: string): string {
  return `types/${slugifySegment(typeLabel(type)) || 'other'}`;
}
