// What a built site weighs: its folder (every file's bytes), and what a reader fetches for one
// note page — the page's HTML with the stylesheets, scripts and icon it links and the modules
// those scripts import statically (not the ones loaded on demand: search-engine.js when the
// reader comes to the search box). test/browser/page-weight.test.ts counts the same in a real
// browser at 3,000 notes; here it is read off the 10k site's files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { htmlFiles } from './files.js';

export interface PageWeight {
  /** The page, relative to the site. */
  page: string;
  bytes: number;
  files: number;
}

/** The heaviest note page to fetch (a page with a local graph), with what it loads; null without one. */
export function notePageWeight(site: string): PageWeight | null {
  let heaviest: PageWeight | null = null;
  const loaded = new Map<string, number>();
  for (const file of htmlFiles(site)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('class="local-graph')) continue;
    const assets = new Set<string>();
    for (const match of html.matchAll(/<(?:link[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref|script[^>]*\bsrc)="([^"]+)"/g)) {
      const path = sitePath(site, file, match[1] ?? '');
      if (path) collect(site, path, assets);
    }
    let bytes = Buffer.byteLength(html);
    for (const asset of assets) {
      let size = loaded.get(asset);
      if (size === undefined) {
        size = statSync(asset).size;
        loaded.set(asset, size);
      }
      bytes += size;
    }
    if (heaviest === null || bytes > heaviest.bytes) heaviest = { page: relative(site, file), bytes, files: assets.size + 1 };
  }
  return heaviest;
}

/** A local URL of the page as a file of the site; null for other origins and data. */
function sitePath(site: string, from: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  const path = clean.startsWith('/') ? join(site, clean) : resolve(dirname(from), clean);
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

/** `path` and, for a script, the modules it imports statically, recursively. */
function collect(site: string, path: string, into: Set<string>): void {
  if (into.has(path)) return;
  into.add(path);
  if (!path.endsWith('.js')) return;
  const source = readFileSync(path, 'utf8');
  for (const match of source.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) {
    const target = sitePath(site, path, match[1] ?? '');
    if (target) collect(site, target, into);
  }
}
