// Readable, Unicode-safe URL slugs from vault paths: `Rotations/Sector Rotation.md` →
// `rotations/sector-rotation`. Letters of any script are kept; collisions get `-2`, `-3`…
// in the order slugs are taken, so the same vault always gives the same URLs.
import { createHash } from 'node:crypto';
import { stripInvisible } from '../../invisible.js';

const DROPPED = /[^\p{L}\p{M}\p{N}_-]+/gu;

/**
 * Longest segment, in UTF-8 bytes. File systems allow 255 bytes per name; this leaves room
 * for a `-N` collision suffix and an attachment's extension.
 */
export const MAX_SEGMENT_BYTES = 200;
const HASH_CHARS = 8;

/**
 * One path segment: lowercased, NFC, runs of anything but letters/digits/`_`/`-` become one
 * `-`. One over MAX_SEGMENT_BYTES is cut (at a character) and ends in `-` and a hash of the
 * whole segment, so two long names that differ only past the cut still differ.
 */
export function slugifySegment(text: string): string {
  // Invisible characters first: a U+FE0F left from a stripped emoji is a mark (\p{M}) and was kept.
  const slug = stripInvisible(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, '')
    .replace(DROPPED, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return Buffer.byteLength(slug) > MAX_SEGMENT_BYTES ? truncateSegment(slug) : slug;
}

function truncateSegment(slug: string): string {
  const room = MAX_SEGMENT_BYTES - HASH_CHARS - 1;
  let kept = '';
  let bytes = 0;
  for (const char of slug) {
    const size = Buffer.byteLength(char);
    if (bytes + size > room) break;
    kept += char;
    bytes += size;
  }
  // A combining mark cut from its letter, or a trailing `-`, would end the segment oddly.
  kept = kept.replace(/[\p{M}-]+$/u, '');
  return `${kept}-${createHash('sha256').update(slug).digest('hex').slice(0, HASH_CHARS)}`;
}

/** A vault path (with or without `.md`) as a slug; empty segments become `untitled`. */
export function slugifyPath(path: string): string {
  const withoutExtension = path.replace(/\.md$/i, '');
  return withoutExtension
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => slugifySegment(segment) || 'untitled')
    .join('/');
}

/** Hands out unique slugs. `''` is the home page. */
export class SlugAllocator {
  readonly #taken = new Set<string>();

  /** Mark a slug as used (system pages) without handing it out. */
  reserve(slug: string): void {
    this.#taken.add(slug);
  }

  has(slug: string): boolean {
    return this.#taken.has(slug);
  }

  /** The wanted slug, or the first free `wanted-N` (N ≥ 2). */
  take(wanted: string): string {
    let slug = wanted;
    for (let n = 2; this.#taken.has(slug); n++) slug = `${wanted}-${n}`;
    this.#taken.add(slug);
    return slug;
  }

  /** The wanted slug if free, else null (for redirects, which are only worth having at their own name). */
  takeIfFree(wanted: string): string | null {
    if (this.#taken.has(wanted)) return null;
    this.#taken.add(wanted);
    return wanted;
  }
}
