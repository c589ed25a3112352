// Where the pages Almanac generates live, next to the notes. A note keeps its natural URL:
// a note called `stale.md`, `tags.md`, `search.md`, `graph.md` or `types.md` is at `/stale/`
// and so on, and the generated page of that name moves under `/_almanac/` (`/_almanac/stale/`);
// nav, footer and every link to it follow. What cannot move are the folders the build writes
// files into (`assets/`, `files/`, `search-index/`) and the roots tag and type pages live
// under (`tags/…`, `types/…`): a note or folder there gets a `-2` slug (`assets-2`, `tags-2/x`).
import type { SlugAllocator } from './slug.js';

/** Generated pages a note may take the place of, each at this slug unless a note has it. */
export const GENERATED_PAGES = ['stale', 'tags', 'types', 'search', 'graph', 'desk'] as const;
export type GeneratedPage = (typeof GENERATED_PAGES)[number];
export type GeneratedRoutes = Record<GeneratedPage, string>;

/** Where a generated page goes when a note has its slug. Reserved: no note gets it. */
export const MOVED_PREFIX = '_almanac';

/** First URL segments no note or folder page may have (files the build writes, tag and type pages, live reload). */
const RESERVED_ROOTS = new Set(['assets', 'files', 'search-index', 'tags', 'types', '__almanac', MOVED_PREFIX]);
/** Of those, the ones a single top-level note may still have: the index page there moves. */
const NOTE_MAY_TAKE = new Set<string>(['tags', 'types']);

/** Slugs to reserve before notes take theirs. */
export function reservedSlugs(): string[] {
  return [...RESERVED_ROOTS].filter((root) => !NOTE_MAY_TAKE.has(root));
}

/**
 * The slug a note (or, with `folder`, a folder page) asks for: `wanted` unless it lies under a
 * reserved root, then with `-2` on its first segment.
 */
export function safeSlug(wanted: string, folder = false): string {
  const [first = '', ...rest] = wanted.split('/');
  if (!RESERVED_ROOTS.has(first)) return wanted;
  if (!folder && rest.length === 0 && NOTE_MAY_TAKE.has(first)) return wanted;
  return [`${first}-2`, ...rest].join('/');
}

/** Each generated page's slug: its own name when no note or folder has it, else `_almanac/<name>`. Takes them from `slugs`. */
export function takeGeneratedRoutes(slugs: SlugAllocator): GeneratedRoutes {
  const take = (name: GeneratedPage): string => slugs.takeIfFree(name) ?? slugs.take(`${MOVED_PREFIX}/${name}`);
  return { stale: take('stale'), tags: take('tags'), types: take('types'), search: take('search'), graph: take('graph'), desk: take('desk') };
}
