// Every URL the site writes is the base (`/` or `/prefix/`) plus a slug, so sub-path
// hosting works by changing one option.
import { UsageError } from '../../errors.js';

/** `prefix`, `/prefix`, `/prefix/` → `/prefix/`; `''` and `/` → `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(trimmed)) throw new UsageError(`--base must be a path such as /almanac/, not a URL (got “${base}”)`);
  const inner = trimmed.replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}

/** URL of a page: `{base}{slug}/`, the home page is `{base}`. Non-ASCII is percent-encoded. */
export function pageUrl(base: string, slug: string): string {
  return slug === '' ? base : `${base}${encodeURI(slug)}/`;
}

/** URL of a file written at `path` under the output folder. */
export function fileUrl(base: string, path: string): string {
  return `${base}${encodeURI(path)}`;
}

/** Output file of a page with that slug. */
export function pageFile(slug: string): string {
  return slug === '' ? 'index.html' : `${slug}/index.html`;
}
