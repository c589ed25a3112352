// Obsidian Publish's `permalink:` frontmatter (`permalink: guides/start`): the note's page
// is at that URL, slugged as every URL is, and its natural URL redirects there. Here: what
// slug a note's `permalink` asks for, or why it cannot have one (site-model.ts places it).
import type { ParsedNote } from '../../parse/types.js';
import { slugifySegment } from './slug.js';

export type PermalinkRequest = { slug: string } | { problem: string };

/** The slug `permalink` asks for (segments slugged, no `.` or `..`), the reason it is unusable, or null without one. */
export function permalinkRequest(note: ParsedNote): PermalinkRequest | null {
  const value = note.frontmatter.permalink;
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number')
    return { problem: 'Frontmatter `permalink` must be a path such as guides/start, not a list or mapping' };
  const text = String(value).trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(text)) return { problem: `Frontmatter \`permalink\` must be a path on this site, not a URL (“${text}”)` };
  // `/guides/start/`, `guides\start` and `guides/start` are one permalink; a query or fragment is no part of it.
  const segments = text
    .replace(/[?#].*$/s, '')
    .split(/[\\/]+/)
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  if (segments.some((segment) => segment === '.' || segment === '..'))
    return { problem: `Frontmatter \`permalink\` may not hold \`.\` or \`..\` segments (“${text}”)` };
  const slugs = segments.map(slugifySegment);
  if (slugs.length === 0 || slugs.some((slug) => slug === ''))
    return { problem: `Frontmatter \`permalink\` “${text}” has no letter or digit in ${slugs.length === 0 ? 'it' : 'a segment'}` };
  return { slug: slugs.join('/') };
}

/** `caf%C3%A9` (a permalink copied from an address bar) reads as `café`; a stray `%` stays. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
