// A note's page data: rendered HTML, backlinks with their sentences, tags, type, folder.
import type { SiteModel, SiteNote } from '../model/site-model.js';
import type { RenderedNote } from '../render/note-html.js';
import { tagSlug } from '../model/taxonomy.js';
import { pageFile, pageUrl } from '../model/urls.js';
import { folderOf, typeOf, type SiteIndex } from './site-index.js';
import { stripWikilinks, updatedDate } from './frontmatter-values.js';
import type { Backlink, LinkItem, MentionedTables, NotePage } from './types.js';
import { staleNoteMessage, type NoteFreshness } from '../../stale/index.js';
import { redactorOf } from '../model/redact.js';
import { propertiesHtml } from '../properties/block.js';
import { inlineJson, localGraph, siteGraph } from './graph-data.js';
import { mentionedHtml } from '../facts/mentioned-html.js';
import { shapeBacklinks, type BacklinkSource } from './backlinks.js';
import { breadcrumbsOf } from './explorer.js';
import { absoluteUrl } from './site-files.js';

/** The page of `entry`, around its HTML as renderNote made it (in this thread or a render worker). */
/** `mentioned`: the rows of other notes' tables linking here (mentioned.ts), made by the caller. */
export function notePage(
  site: SiteModel,
  index: SiteIndex,
  entry: SiteNote,
  rendered: RenderedNote,
  freshness?: NoteFreshness,
  mentioned: MentionedTables | null = null,
): NotePage {
  const { note } = entry;
  const type = typeOf(index, entry);
  const folder = index.folders.get(folderOf(note.path));
  // Literal `[[…]]` naming a private note (raw HTML, code, escapes) is redacted here, so the
  // page and the search index (which reads this page) never hold it.
  const redact = redactorOf(site);
  const page: NotePage = {
    kind: 'note',
    output: pageFile(entry.slug),
    url: entry.url,
    title: note.title,
    // Frontmatter's description, else the first paragraph (link previews, search engines).
    description: description(note.frontmatter.description, redact.text) ?? (rendered.summary === '' ? undefined : redact.text(rendered.summary)),
    breadcrumbs: breadcrumbsOf(site, index, folderOf(note.path)),
    folderPath: folderOf(note.path),
    ...imageOf(site, entry),
    slug: entry.slug,
    path: note.path,
    titleId: rendered.titleId,
    aliases: note.aliases,
    html: redact.html(rendered.html),
    toc: rendered.toc.map((entry) => ({ ...entry, text: redact.text(entry.text) })),
    backlinks: backlinksOf(site, index, entry),
    tags: noteTags(site, index, entry),
    type: type ? { label: type.label, url: type.url } : null,
    folder: folder ? { label: folder.path, url: folder.url } : null,
    updated: freshness?.date ?? updatedDate(note),
    features: rendered.features,
    properties: redact.html(propertiesHtml(site, note)),
    stale: freshness?.stale ? { daysOverdue: freshness.daysOverdue, url: pageUrl(site.base, index.routes.stale), message: staleNoteMessage(freshness) } : null,
    localGraph: localGraphJson(site, index, entry.slug),
    mentioned,
    mentionedHtml: redact.html(mentionedHtml(mentioned)),
  };
  return page;
}

/** The note's neighbourhood as the page holds it (inline: a note page fetches no graph data). */
export function localGraphJson(site: SiteModel, index: SiteIndex, slug: string): string {
  return inlineJson(localGraph(siteGraph(site, index), slug));
}

/** Published notes linking here, one entry per note, each with the sentences that link (backlinks.ts orders them). */
export function backlinksOf(site: SiteModel, index: SiteIndex, entry: SiteNote): Backlink[] {
  const bySource = new Map<string, BacklinkSource & { seen: Set<string> }>();
  const redact = redactorOf(site).text;
  for (const link of site.graph.backlinks.get(entry.note.path) ?? []) {
    // Keyed by the linking file's path (a note's or a canvas's): its first link makes the entry.
    let found = bySource.get(link.source);
    if (!found) {
      const note = site.byPath.get(link.source);
      // A published canvas whose cards link here counts too, after the notes (publish/canvas/).
      const canvas = note ? undefined : site.canvases.get(link.source);
      const source = note
        ? { title: note.note.title, url: note.url, slug: note.slug, rank: index.titleRank.get(note) ?? 0, type: typeOf(index, note)?.label }
        : canvas && { title: canvas.title, url: canvas.url, slug: canvas.slug, rank: Number.MAX_SAFE_INTEGER, type: undefined };
      if (!source || note === entry) continue;
      const backlink: Backlink = { title: source.title, url: source.url, slug: source.slug, contexts: [] };
      if (source.type !== undefined) backlink.type = source.type;
      found = { backlink, seen: new Set(), rank: source.rank, canvas: !note };
      bySource.set(link.source, found);
    }
    const context = link.link.kind === 'frontmatter' ? `${link.link.key ?? ''}: ${stripWikilinks(redact(link.link.context))}` : redact(link.link.context);
    if (context.trim() === '' || found.seen.has(context)) continue;
    found.seen.add(context);
    found.backlink.contexts.push(context);
  }
  return shapeBacklinks(bySource.values(), [entry.note.title, ...entry.note.aliases]);
}

function noteTags(_site: SiteModel, index: SiteIndex, entry: SiteNote): LinkItem[] {
  const tags: LinkItem[] = [];
  const seen = new Set<string>();
  for (const tag of entry.note.tags) {
    if (tag.source !== 'frontmatter') continue;
    const slug = tagSlug(tag.name);
    const found = index.tags.get(slug);
    if (!found || seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ label: tag.name, url: found.url });
  }
  return tags;
}

function description(value: unknown, redact: (text: string) => string): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? stripWikilinks(redact(value.trim())) : undefined;
}

/** The note's first embedded image that is published, for og:image. */
function imageOf(site: SiteModel, entry: SiteNote): { image?: string } {
  for (const link of site.graph.outgoing.get(entry.note.path) ?? []) {
    if (link.link.kind !== 'embed' || link.file === null || !/\.(?:png|jpe?g|gif|webp|avif|svg)$/i.test(link.file)) continue;
    const attachment = site.attachments.get(link.file);
    if (attachment && site.options.url) return { image: absoluteUrl(site, attachment.url) };
  }
  return {};
}
