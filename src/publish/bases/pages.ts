// The page of each published `.base` file: its views, one section each, laid out by
// listing.njk around the sanitised HTML.
import type { SiteModel } from '../model/site-model.js';
import { pageFile } from '../model/urls.js';
import { redactorOf } from '../model/redact.js';
import type { ListingPage } from '../pages/types.js';
import { safeHtml } from '../properties/block.js';

export function basePages(site: SiteModel): ListingPage[] {
  const redact = redactorOf(site);
  return site.basePages.map((page) => ({
    kind: 'listing',
    output: pageFile(page.slug),
    url: page.url,
    title: page.title,
    intro: `Obsidian Bases view · ${page.path}`,
    groups: [],
    html: redact.html(safeHtml(page.views)),
  }));
}
