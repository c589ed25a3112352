// Obsidian compares heading subpaths after replacing the characters it cannot keep
// in a link with spaces, collapsing spaces, and ignoring case.
import type { HeadingInfo } from '../parse/types.js';
import { stripInvisible } from '../invisible.js';

const DROPPED = /[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g;

export function normaliseHeading(text: string): string {
  // Invisible characters (src/invisible.ts) cannot be typed into a link: they do not count.
  return stripInvisible(text).replace(DROPPED, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Find the heading a `#H1#H2` chain names: each later heading must sit inside the
 * section of the one before it. Returns the last heading of the chain.
 */
export function findHeading(headings: HeadingInfo[], chain: string[]): HeadingInfo | undefined {
  const normalised = normalisedHeadings(headings);
  let from = 0;
  let until = headings.length;
  let found: HeadingInfo | undefined;
  for (const part of chain) {
    const wanted = normaliseHeading(part);
    found = undefined;
    for (let index = from; index < until; index++) {
      const heading = headings[index];
      if (heading && normalised[index] === wanted) {
        found = heading;
        from = index + 1;
        until = sectionEnd(headings, index);
        break;
      }
    }
    if (!found) return undefined;
  }
  return found;
}

function sectionEnd(headings: HeadingInfo[], index: number): number {
  const depth = headings[index]?.depth ?? 0;
  for (let next = index + 1; next < headings.length; next++) {
    if ((headings[next]?.depth ?? 0) <= depth) return next;
  }
  return headings.length;
}

const normalisedCache = new WeakMap<HeadingInfo[], string[]>();

function normalisedHeadings(headings: HeadingInfo[]): string[] {
  let texts = normalisedCache.get(headings);
  if (!texts) {
    texts = headings.map((heading) => normaliseHeading(heading.text));
    normalisedCache.set(headings, texts);
  }
  return texts;
}
