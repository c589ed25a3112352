// Site-wide files: alias redirects, sitemap.xml and the Atom feed (graph.json: graph-data.ts).
// Each reads only the site model, so they list published notes and nothing else.
import type { SiteModel, SiteNote } from '../model/site-model.js';
import { slugifySegment } from '../model/slug.js';
import { pageFile, pageUrl } from '../model/urls.js';
import { updatedDate } from './frontmatter-values.js';
import type { FeedData, ListingPage, NotePage, RedirectPage, SitemapData } from './types.js';
import { compareRaw, compareText } from './collate.js';

/** An absolute URL when the site's origin is configured, else the base-relative one. */
export function absoluteUrl(site: SiteModel, url: string): string {
  return site.options.url ? new URL(url, site.options.url).href : url;
}

/** `/nvda/` → NVIDIA's page, for each alias whose slug no page already has; a note's natural URL → its `permalink`. */
export function redirectPages(site: SiteModel): RedirectPage[] {
  const pages: RedirectPage[] = [];
  for (const entry of site.notes) {
    if (entry.redirectFrom !== undefined) {
      pages.push({
        kind: 'redirect',
        output: pageFile(entry.redirectFrom),
        url: pageUrl(site.base, entry.redirectFrom),
        title: entry.note.title,
        target: entry.url,
        canonical: absoluteUrl(site, entry.url),
      });
    }
    for (const alias of entry.note.aliases) {
      const wanted = slugifySegment(alias.replace(/\//g, '-'));
      if (wanted === '') continue;
      const slug = site.slugs.takeIfFree(wanted);
      if (slug === null) continue;
      pages.push({
        kind: 'redirect',
        output: pageFile(slug),
        url: pageUrl(site.base, slug),
        title: entry.note.title,
        target: entry.url,
        canonical: absoluteUrl(site, entry.url),
      });
    }
  }
  return pages;
}

export function sitemap(site: SiteModel, notes: Array<Pick<NotePage, 'url' | 'updated'>>, listings: ListingPage[]): SitemapData {
  const urls = [
    ...notes.map((page) => ({ loc: absoluteUrl(site, page.url), lastmod: page.updated })),
    ...listings.map((page) => ({ loc: absoluteUrl(site, page.url), lastmod: null })),
  ].sort((a, b) => compareRaw(a.loc, b.loc));
  return { output: 'sitemap.xml', urls };
}

/** The Atom feed; `summaryOf` gives a note's summary (rendering computed it, see render/summary.ts). */
export function feed(site: SiteModel, build: Date, summaryOf: (entry: SiteNote) => string): FeedData {
  const dated = site.notes
    .map((entry) => ({ entry, updated: updatedDate(entry.note) }))
    .filter((item): item is { entry: SiteNote; updated: string } => item.updated !== null)
    .sort((a, b) => compareRaw(b.updated, a.updated) || compareText(a.entry.note.title, b.entry.note.title))
    .slice(0, site.options.feedSize);
  const home = absoluteUrl(site, site.base);
  const id = site.options.url ? home : `urn:almanac:${slugifySegment(site.title) || 'site'}`;
  return {
    output: 'feed.xml',
    title: site.title,
    id,
    home,
    self: absoluteUrl(site, `${site.base}feed.xml`),
    updated: dated[0] ? `${dated[0].updated}T00:00:00Z` : build.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    entries: dated.map(({ entry, updated }) => ({
      title: entry.note.title,
      id: site.options.url ? absoluteUrl(site, entry.url) : `${id}:${entry.slug}`,
      link: absoluteUrl(site, entry.url),
      updated: `${updated}T00:00:00Z`,
      summary: summaryOf(entry),
    })),
  };
}
