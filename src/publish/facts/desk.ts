// The research desk: one page answering "what is new and what can I trust". What changed
// recently (notes by date, with the table rows that changed since the previous build when
// its output is at hand), what is stale (most overdue first), feed-backed tables with their
// as-of dates, and the entities with the most facts (entities/facts.ts). The home page when
// the vault has no index.md, else /desk/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteModel, SiteNote } from '../model/site-model.js';
import type { FreshnessMap } from '../model/freshness.js';
import { redactorOf } from '../model/redact.js';
import { pageFile, pageUrl } from '../model/urls.js';
import { escapeHtml } from '../../util/escape-html.js';
import { noteDate } from '../../stale/dates.js';
import { headingAnchors } from '../render/heading-ids.js';
import { inlineJson } from '../pages/graph-data.js';
import { compareRaw, compareText } from '../pages/collate.js';
import { siteFacts } from './mentioned.js';
import type { SiteIndex } from '../pages/site-index.js';
import type { ListingPage } from '../pages/types.js';

const RECENT = 12;
const LISTED = 15;
/** Notes whose rows the page remembers for the next build (the recent ones and a margin). */
const REMEMBERED = 60;
/** Changed rows shown per note. */
const ROWS_SHOWN = 8;

/** What a desk page remembers of the build that wrote it: a digest of each table row of its recent notes, by note path and row id. */
export interface DeskMemory {
  rows: Record<string, Record<string, string>>;
}

/** The marker of the memory in the page: `<script type="application/json" class="desk-memory">`. */
const MEMORY = /<script type="application\/json" class="desk-memory">([\s\S]*?)<\/script>/;

/** The memory in a previous desk page's HTML; null when there is none or it is not of the shape written. */
export function readDeskMemory(html: string): DeskMemory | null {
  const match = MEMORY.exec(html);
  if (!match?.[1]) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(match[1]);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !isRecord(parsed.rows)) return null;
  const rows: DeskMemory['rows'] = {};
  for (const [path, value] of Object.entries(parsed.rows)) {
    if (!isRecord(value)) return null;
    const digests: Record<string, string> = {};
    for (const [id, digest] of Object.entries(value)) if (typeof digest === 'string') digests[id] = digest;
    rows[path] = digests;
  }
  return { rows };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where the desk page is: the home page (`home`) or `/desk/`. */
export function deskSlug(site: SiteModel, index: SiteIndex): string {
  return site.home ? index.routes.desk : '';
}

export interface DeskOptions {
  freshness?: FreshnessMap | undefined;
  /** What the previous build's desk page remembered (previousDeskMemory). */
  previous?: DeskMemory | null | undefined;
  /** Links below the desk (the generated home page's). */
  groups?: ListingPage['groups'];
}

export function deskPage(site: SiteModel, index: SiteIndex, options: DeskOptions): ListingPage {
  const slug = deskSlug(site, index);
  const view = deskView(site);
  const dated = site.notes
    .map((entry) => ({ entry, date: options.freshness?.get(entry.note.path)?.date ?? noteDate(entry.note, null).date?.date ?? null }))
    .filter((item): item is { entry: SiteNote; date: string } => item.date !== null)
    .sort((a, b) => compareRaw(b.date, a.date) || compareText(a.entry.note.title, b.entry.note.title));
  const memory: DeskMemory = { rows: {} };
  for (const { entry } of dated.slice(0, REMEMBERED)) if (entry.note.tables.length > 0) memory.rows[entry.note.path] = rowDigests(entry);
  const parts = [
    changedSection(view, dated, options.previous, memory),
    staleSection(site, index, view, options.freshness),
    feedsSection(site, view),
    entitiesSection(site, view),
    `<script type="application/json" class="desk-memory">${inlineJson(memory)}</script>`,
  ];
  return {
    kind: 'listing',
    output: pageFile(slug),
    url: pageUrl(site.base, slug),
    title: slug === '' ? site.title : 'Research desk',
    intro: `${site.notes.length} published notes: what is new and what can be trusted.`,
    html: `<div class="desk">${parts.join('')}</div>`,
    groups: options.groups ?? [],
  };
}

interface DeskView {
  redact: (text: string) => string;
  link: (entry: SiteNote, text?: string) => string;
}

function deskView(site: SiteModel): DeskView {
  const redact = redactorOf(site).text;
  return {
    redact,
    link: (entry, text = entry.note.title) =>
      `<a class="internal" href="${escapeHtml(entry.url)}" data-slug="${escapeHtml(entry.slug)}">${escapeHtml(redact(text))}</a>`,
  };
}

/** Notes newest first; of notes of one date, those whose rows changed since the previous build first. */
function changedSection(view: DeskView, dated: Array<{ entry: SiteNote; date: string }>, previous: DeskMemory | null | undefined, memory: DeskMemory): string {
  const recent = dated
    .slice(0, REMEMBERED)
    .map((item, rank) => ({ ...item, rank, changed: changedRows(item.entry, previous, memory) }))
    .sort((a, b) => compareRaw(b.date, a.date) || Number(b.changed.length > 0) - Number(a.changed.length > 0) || a.rank - b.rank);
  const parts: string[] = ['<section class="desk-section desk-changed"><h2>What changed</h2><ul class="desk-list">'];
  for (const { entry, date, changed } of recent.slice(0, RECENT)) {
    parts.push(`<li>${view.link(entry)} <time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>`);
    if (changed.length > 0) {
      parts.push('<ul class="desk-rows">');
      for (const row of changed.slice(0, ROWS_SHOWN)) {
        const text = view.redact(row.cells.filter((cell) => cell !== '').join(' · '));
        parts.push(`<li><a href="${escapeHtml(`${entry.url}#${row.id}`)}">${escapeHtml(text)}</a> <span class="desk-tag">${row.kind}</span></li>`);
      }
      if (changed.length > ROWS_SHOWN) parts.push(`<li class="desk-more">${changed.length - ROWS_SHOWN} more rows</li>`);
      parts.push('</ul>');
    }
    parts.push('</li>');
  }
  parts.push('</ul>');
  if (!previous) parts.push('<p class="desk-note">Rows that changed show after the next build (this one had no previous output to compare with).</p>');
  parts.push('</section>');
  return parts.join('');
}

/** Published notes past their staleness policy, most overdue first. */
function staleSection(site: SiteModel, index: SiteIndex, view: DeskView, freshness: FreshnessMap | undefined): string {
  const stale = site.notes
    .flatMap((entry) => {
      const found = freshness?.get(entry.note.path);
      return found?.stale ? [{ entry, found }] : [];
    })
    .sort((a, b) => b.found.daysOverdue - a.found.daysOverdue || compareText(a.entry.note.title, b.entry.note.title));
  if (stale.length === 0)
    return '<section class="desk-section desk-stale"><h2>What is stale</h2><p>No published note is past its staleness policy.</p></section>';
  const items = stale
    .slice(0, LISTED)
    .map(
      ({ entry, found }) =>
        `<li>${view.link(entry)} <span class="desk-overdue">${found.daysOverdue} ${found.daysOverdue === 1 ? 'day' : 'days'} overdue</span></li>`,
    );
  const all = `<p class="desk-note"><a href="${escapeHtml(pageUrl(site.base, index.routes.stale))}">All ${stale.length} stale notes</a></p>`;
  return `<section class="desk-section desk-stale"><h2>What is stale</h2><ul class="desk-list">${items.join('')}</ul>${all}</section>`;
}

/** Feed-backed tables, oldest as-of date first (the least fresh data first). */
function feedsSection(site: SiteModel, view: DeskView): string {
  const feeds = site.notes
    .flatMap((entry) => entry.note.feedRegions.map((region) => ({ entry, region, heading: headingBefore(entry, region.startLine) })))
    .sort((a, b) => compareRaw(a.region.updated ?? '', b.region.updated ?? '') || compareText(a.entry.note.title, b.entry.note.title));
  if (feeds.length === 0) return '<section class="desk-section desk-feeds"><h2>Feed tables</h2><p>No table is refreshed from a feed.</p></section>';
  const rows = feeds.slice(0, LISTED * 2).map(({ entry, region, heading }) => {
    const where = heading ? `${entry.url}#${heading.id}` : entry.url;
    const label = heading ? `${entry.note.title} › ${heading.text}` : entry.note.title;
    const asOf = region.updated ? `<time datetime="${escapeHtml(region.updated)}">${escapeHtml(region.updated)}</time>` : 'never refreshed';
    const table = `<a class="internal" href="${escapeHtml(where)}" data-slug="${escapeHtml(entry.slug)}">${escapeHtml(view.redact(label))}</a>`;
    return `<tr><td><code>${escapeHtml(region.feed)}</code></td><td>${table}</td><td>${asOf}</td></tr>`;
  });
  const head = '<thead><tr><th scope="col">Feed</th><th scope="col">Table</th><th scope="col">As of</th></tr></thead>';
  return `<section class="desk-section desk-feeds"><h2>Feed tables</h2><div class="table-wrap"><table>${head}<tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** The notes the most table rows link to (entities/facts.ts). */
function entitiesSection(site: SiteModel, view: DeskView): string {
  const entities = [...siteFacts(site)]
    .flatMap(([path, facts]) => {
      const entry = site.byPath.get(path);
      return entry ? [{ entry, count: facts.length }] : [];
    })
    .sort((a, b) => b.count - a.count || compareText(a.entry.note.title, b.entry.note.title));
  if (entities.length === 0) return '<section class="desk-section desk-entities"><h2>Most facts</h2><p>No table row links to a note.</p></section>';
  const items = entities
    .slice(0, LISTED)
    .map(
      ({ entry, count }) =>
        `<li>${view.link(entry)} <a class="count" href="${escapeHtml(`${entry.url}#mentioned-in-tables`)}">${count} ${count === 1 ? 'row' : 'rows'}</a></li>`,
    );
  return `<section class="desk-section desk-entities"><h2>Most facts</h2><ul class="desk-list">${items.join('')}</ul></section>`;
}

interface ChangedRow {
  id: string;
  cells: string[];
  kind: 'new' | 'changed';
}

/** Rows of `entry` new or changed since the previous build's memory (none when it did not remember the note). */
function changedRows(entry: SiteNote, previous: DeskMemory | null | undefined, memory: DeskMemory): ChangedRow[] {
  const before = previous?.rows[entry.note.path];
  const now = memory.rows[entry.note.path];
  if (!before || !now) return [];
  const out: ChangedRow[] = [];
  for (const table of entry.note.tables)
    for (const row of table.rows) {
      const old = before[row.id];
      if (old === now[row.id]) continue;
      out.push({ id: row.id, cells: row.cells, kind: old === undefined ? 'new' : 'changed' });
    }
  return out;
}

function rowDigests(entry: SiteNote): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of entry.note.tables)
    for (const row of table.rows)
      out[row.id] = createHash('sha1')
        .update(JSON.stringify([table.header, row.cells]))
        .digest('base64url')
        .slice(0, 10);
  return out;
}

function headingBefore(entry: SiteNote, line: number): { id: string; text: string } | undefined {
  const headings = entry.note.headings.filter((heading) => heading.line < line);
  const last = headings.at(-1);
  if (!last) return undefined;
  const id = headingAnchors(entry.note).find((anchor) => anchor.line === last.line)?.id;
  return id ? { id, text: last.text } : undefined;
}

/** Where a previous build may have written its desk page, under its output folder. */
const DESK_FILES = ['index.html', 'desk/index.html', '_almanac/desk/index.html'];

/** The memory of the desk page of the build already in `outDir` (read before the new one replaces it); null without one. */
export function previousDeskMemory(outDir: string): DeskMemory | null {
  for (const file of DESK_FILES) {
    let html: string;
    try {
      html = readFileSync(join(outDir, file), 'utf8');
    } catch {
      continue;
    }
    const memory = readDeskMemory(html);
    if (memory) return memory;
  }
  return null;
}

/** The memory of a plan's own desk page (serve: the changed rows since the page it last wrote). */
export function previousDeskOf(plan: { pages: { listings: readonly ListingPage[] } }): DeskMemory | null {
  const page = plan.pages.listings.find((listing) => listing.html?.includes('class="desk-memory"'));
  return page?.html ? readDeskMemory(page.html) : null;
}
