// Page data handed to Eleventy: plain objects, one per output file. Templates in
// templates/ only lay them out; every decision (what is published, where links go) is made here.
import type { TocEntry } from '../render/note-html.js';
import type { CanvasPage } from '../canvas/page.js';
import type { PageFeature } from '../render/features.js';
import type { Explorer } from './explorer.js';

export interface LinkItem {
  label: string;
  url: string;
  /** Set for links to note pages (the client uses it for previews and the graph). */
  slug?: string;
  count?: number;
  note?: string;
}

export interface PageBase {
  /** Output file, relative to the output folder: `rotations/sector-rotation/index.html`. */
  output: string;
  url: string;
  title: string;
  description?: string;
  /** Home and the folders above the page (explorer.ts); the page's own title follows. */
  breadcrumbs?: LinkItem[];
  /** Vault folder the page stands for or is in (`''`: the root): the explorer opens it. */
  folderPath?: string;
  /** og:image: the note's first embedded image, as an absolute URL (set only with `site.url`). */
  image?: string;
}

export interface Backlink {
  title: string;
  url: string;
  slug: string;
  /** The linking note's type label (frontmatter `type`); backlinks are grouped by it. */
  type?: string;
  /** The sentences that link, the most telling first (pages/backlinks.ts). */
  contexts: string[];
}

export interface NotePage extends PageBase {
  kind: 'note';
  slug: string;
  /** Vault path of the note. */
  path: string;
  titleId: string | null;
  aliases: string[];
  html: string;
  toc: TocEntry[];
  backlinks: Backlink[];
  tags: LinkItem[];
  type: LinkItem | null;
  folder: LinkItem | null;
  updated: string | null;
  /** Set when the note is past its staleness policy. */
  stale: StaleBadge | null;
  /** What the page needs beyond the site's own assets: `math` (KaTeX stylesheet), `mermaid` (its loader), `code`. */
  features: PageFeature[];
  /** The properties block under the title, sanitised HTML (publish/properties/block.ts); `''` for none. */
  properties: string;
  /** The local graph's data (graph-data.ts LocalGraph), escaped for a `<script>` in the page; none on a canvas's search entry. */
  localGraph?: string;
  /** Rows of other notes' tables that link here (mentioned.ts); null when none do. */
  mentioned?: MentionedTables | null;
  /** The same as the page's HTML section (mentioned-html.ts); `''` for none. */
  mentionedHtml?: string;
}

/** "Mentioned in tables": table rows linking to a note, by source note and table, newest first. */
export interface MentionedTables {
  /** Rows in all. */
  count: number;
  /** The type's `facts:` columns, each from the newest row that has it. */
  summary: Array<{ column: string; value: string; source: string; url: string; date: string | null }>;
  groups: Array<{
    source: LinkItem & { slug: string };
    /** The table's nearest heading. */
    heading: string | null;
    /** The source note's date. */
    date: string | null;
    feed: { name: string; updated: string | null } | null;
    header: string[];
    /** Each row: its place on the source page (`…/sector-rotation/#row-…`) and its cells. */
    rows: Array<{ url: string; cells: CellPart[][] }>;
  }>;
}

export interface StaleBadge {
  daysOverdue: number;
  /** The Stale notes page. */
  url: string;
  /** `updated 2026-01-14 (312 days ago); rotation notes go stale after 30 days (282 days overdue)`. */
  message: string;
}

export interface CellPart {
  text: string;
  url?: string;
  slug?: string;
}

export interface NoteTable {
  columns: string[];
  rows: Array<{ title: string; url: string; slug: string; cells: CellPart[][] }>;
}

export interface ListingPage extends PageBase {
  kind: 'listing';
  intro?: string;
  groups: Array<{ heading: string | null; items: LinkItem[] }>;
  table?: NoteTable;
  /** The global graph page. */
  graph?: boolean;
  /** Sanitised HTML below the intro (a base's views, publish/bases/pages.ts). */
  html?: string;
}

export interface RedirectPage extends PageBase {
  kind: 'redirect';
  target: string;
  canonical: string;
}

export interface SitemapData {
  output: 'sitemap.xml';
  urls: Array<{ loc: string; lastmod: string | null }>;
}

export interface FeedData {
  output: 'feed.xml';
  title: string;
  id: string;
  home: string;
  self: string;
  updated: string;
  entries: Array<{ title: string; id: string; link: string; updated: string; summary: string }>;
}

/** Everything Eleventy writes in one run; a partial run (serve) holds only what changed. */
export interface SitePages {
  notes: NotePage[];
  listings: ListingPage[];
  /** A page per published .canvas file (publish/canvas/). */
  canvases?: CanvasPage[];
  redirects: RedirectPage[];
  notFound: boolean;
  sitemap: SitemapData | null;
  feed: FeedData | null;
}

export interface LayoutData {
  title: string;
  base: string;
  language: string;
  nav: LinkItem[];
  /** The All notes (search) page and the tags index: `{base}search/`, `{base}tags/` unless a note has that URL (generated-pages.ts). */
  searchUrl: string;
  tagsUrl: string;
  /** Whether the site has a search index (the client mounts search only then). */
  search: boolean;
  /** The folder tree every page shows (explorer.ts). */
  explorer: Explorer;
  /** The origin of `site.url` (`https://me.github.io`), for og:url; null without one. */
  origin: string | null;
  /** Whether feed.xml is written (only with `site.url`: a feed needs absolute URLs). */
  feed: boolean;
}
