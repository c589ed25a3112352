// Listing pages: tags, types (a table of key frontmatter fields), folders, the
// no-JavaScript search page, the graph page and the generated home page.
import type { SiteModel, SiteNote } from '../model/site-model.js';
import { pageFile, pageUrl } from '../model/urls.js';
import { cellParts, updatedDate } from './frontmatter-values.js';
import { folderOf, typeOf, type FolderEntry, type SiteIndex, type TagEntry, type TypeEntry } from './site-index.js';
import type { LinkItem, ListingPage, NoteTable } from './types.js';
import { compareRaw, compareText } from './collate.js';
import { breadcrumbsOf } from './explorer.js';
import { describeDuration } from '../../stale/index.js';
import type { FreshnessMap } from '../model/freshness.js';

const byTitle = (a: SiteNote, b: SiteNote): number => compareText(a.note.title, b.note.title);
// Keys Obsidian and Almanac use to control notes, not facts worth a column.
const SYSTEM_KEYS = new Set([
  'title',
  'aliases',
  'alias',
  'tags',
  'tag',
  'type',
  'publish',
  'cssclasses',
  'cssclass',
  'description',
  'updated',
  'permalink',
  'stale',
  'review-every',
]);
const MAX_COLUMNS = 4;

export function listingPages(site: SiteModel, index: SiteIndex, freshness?: FreshnessMap): ListingPage[] {
  const pages: ListingPage[] = [];
  pages.push(stalePage(site, index, freshness));
  pages.push(tagsIndexPage(site, index));
  for (const tag of index.tags.values()) pages.push(tagPage(site, index, tag));
  pages.push(typesIndexPage(site, index));
  for (const type of index.types.values()) pages.push(typePage(site, type));
  for (const folder of index.folders.values()) pages.push(folderPage(site, index, folder));
  pages.push(searchPage(site, index));
  pages.push(graphPage(site, index));
  return pages;
}

function listing(site: SiteModel, slug: string, title: string, rest: Omit<ListingPage, 'kind' | 'output' | 'url' | 'title'>): ListingPage {
  return { kind: 'listing', output: pageFile(slug), url: pageUrl(site.base, slug), title, ...rest };
}

export function noteItem(index: SiteIndex, note: SiteNote): LinkItem {
  return { label: note.note.title, url: note.url, slug: note.slug, note: typeOf(index, note)?.label.replace(/s$/, '') ?? '' };
}

/** Published notes past their staleness policy, most overdue first. */
function stalePage(site: SiteModel, index: SiteIndex, freshness: FreshnessMap | undefined): ListingPage {
  const rows = site.notes
    .flatMap((note) => {
      const entry = freshness?.get(note.note.path);
      return entry?.stale ? [{ note, entry }] : [];
    })
    .sort((a, b) => b.entry.daysOverdue - a.entry.daysOverdue || compareText(a.note.note.title, b.note.note.title));
  const table: NoteTable = {
    columns: ['type', 'updated', 'policy', 'days overdue'],
    rows: rows.map(({ note, entry }) => ({
      title: note.note.title,
      url: note.url,
      slug: note.slug,
      cells: [
        [{ text: entry.type ?? '' }],
        [{ text: entry.date ?? '' }],
        [{ text: entry.maxAge ? describeDuration(entry.maxAge) : '' }],
        [{ text: String(entry.daysOverdue) }],
      ],
    })),
  };
  const intro =
    rows.length === 0
      ? 'No note is past its review date.'
      : `${rows.length} ${rows.length === 1 ? 'note is' : 'notes are'} past their review date, most overdue first.`;
  return listing(site, index.routes.stale, 'Stale notes', { intro, groups: [], ...(rows.length > 0 ? { table } : {}) });
}

function tagsIndexPage(site: SiteModel, index: SiteIndex): ListingPage {
  const items = [...index.tags.values()]
    .sort((a, b) => compareText(a.name, b.name))
    .map((tag) => ({ label: `#${tag.name}`, url: tag.url, count: tag.notes.length }));
  return listing(site, index.routes.tags, 'Tags', { intro: `${items.length} tags across the published notes.`, groups: [{ heading: null, items }] });
}

function tagPage(site: SiteModel, index: SiteIndex, tag: TagEntry): ListingPage {
  const children = tag.children
    .map((slug) => index.tags.get(slug))
    .filter((child): child is TagEntry => child !== undefined)
    .map((child) => ({ label: `#${child.name}`, url: child.url, count: child.notes.length }));
  const notes = [...tag.notes].sort(byTitle).map((note) => noteItem(index, note));
  const groups = [...(children.length > 0 ? [{ heading: 'Nested tags', items: children }] : []), { heading: 'Notes', items: notes }];
  return listing(site, tag.slug, `#${tag.name}`, {
    intro: `${notes.length} ${notes.length === 1 ? 'note' : 'notes'} tagged #${tag.name}${children.length > 0 ? ' or a tag nested under it' : ''}.`,
    groups,
  });
}

function typesIndexPage(site: SiteModel, index: SiteIndex): ListingPage {
  const items = [...index.types.values()]
    .sort((a, b) => compareText(a.label, b.label))
    .map((type) => ({ label: type.label, url: type.url, count: type.notes.length }));
  return listing(site, index.routes.types, 'Types', { intro: 'Notes by kind.', groups: [{ heading: null, items }] });
}

function typePage(site: SiteModel, type: TypeEntry): ListingPage {
  const notes = [...type.notes].sort(byTitle);
  const columns = site.options.columns[type.type] ?? keyColumns(notes);
  const table: NoteTable = {
    columns,
    rows: notes.map((note) => ({
      title: note.note.title,
      url: note.url,
      slug: note.slug,
      cells: columns.map((key) => (key === 'updated' ? [{ text: updatedDate(note.note) ?? '' }] : cellParts(site, note.note, key))),
    })),
  };
  return listing(site, type.slug, type.label, { intro: `${notes.length} ${notes.length === 1 ? 'note' : 'notes'} of type ${type.type}.`, groups: [], table });
}

/** Frontmatter keys at least half the notes have (most common first), then `updated`. */
export function keyColumns(notes: SiteNote[]): string[] {
  const counts = new Map<string, number>();
  let dated = false;
  for (const { note } of notes) {
    for (const [key, value] of Object.entries(note.frontmatter)) {
      if (key === 'updated') dated ||= updatedDate(note) !== null;
      if (SYSTEM_KEYS.has(key) || value === null || value === '' || (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const common = [...counts.entries()]
    .filter(([, count]) => count * 2 >= notes.length)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_COLUMNS)
    .map(([key]) => key);
  return dated ? [...common, 'updated'] : common;
}

function folderPage(site: SiteModel, index: SiteIndex, folder: FolderEntry): ListingPage {
  const children = folder.children
    .map((path) => index.folders.get(path))
    .filter((child): child is FolderEntry => child !== undefined)
    .map((child) => ({ label: `${child.label}/`, url: child.url, count: countNotes(index, child) }));
  const notes = [...folder.notes].sort(byTitle);
  const table: NoteTable = {
    columns: ['type', 'updated'],
    rows: notes.map((note) => {
      const type = typeOf(index, note);
      return {
        title: note.note.title,
        url: note.url,
        slug: note.slug,
        cells: [[type ? { text: type.label.replace(/s$/, ''), url: type.url } : { text: '' }], [{ text: updatedDate(note.note) ?? '' }]],
      };
    }),
  };
  const total = countNotes(index, folder);
  const counts = [
    plural(notes.length, 'note'),
    ...(children.length > 0 ? [`${plural(children.length, 'folder')} (${plural(total - notes.length, 'note')} in them)`] : []),
  ];
  return listing(site, folder.slug, folder.label, {
    breadcrumbs: breadcrumbsOf(site, index, folderOf(folder.path)),
    folderPath: folder.path,
    intro: `${counts.join(' and ')} in the folder ${folder.path}/.`,
    groups: children.length > 0 ? [{ heading: 'Folders', items: children }] : [],
    ...(notes.length > 0 ? { table } : {}),
  });
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}

function countNotes(index: SiteIndex, folder: FolderEntry): number {
  return (
    folder.notes.length +
    folder.children.reduce((sum, path) => {
      const child = index.folders.get(path);
      return sum + (child ? countNotes(index, child) : 0);
    }, 0)
  );
}

/** Every published note by title, grouped by first letter: the search page without JavaScript. */
function searchPage(site: SiteModel, index: SiteIndex): ListingPage {
  const groups = new Map<string, LinkItem[]>();
  for (const note of [...site.notes].sort(byTitle)) {
    const first = note.note.title.charAt(0).toLocaleUpperCase();
    const letter = /\p{L}/u.test(first) ? first : '#';
    const item = { ...noteItem(index, note), note: note.note.aliases.length > 0 ? `also ${note.note.aliases.join(', ')}` : (noteItem(index, note).note ?? '') };
    const list = groups.get(letter);
    if (list) list.push(item);
    else groups.set(letter, [item]);
  }
  return listing(site, index.routes.search, 'All notes', {
    intro: `${site.notes.length} published notes. With JavaScript on, the search box above searches their full text.`,
    groups: [...groups.entries()].map(([heading, items]) => ({ heading, items })),
  });
}

function graphPage(site: SiteModel, index: SiteIndex): ListingPage {
  return listing(site, index.routes.graph, 'Graph', {
    intro: 'How the notes link to each other. Drawing the graph needs JavaScript; every note is also listed on the All notes page.',
    groups: [{ heading: null, items: [{ label: 'All notes', url: pageUrl(site.base, index.routes.search) }] }],
    graph: true,
  });
}

/** The generated home page's groups of links (the research desk, desk.ts, is that page when the vault has no index.md). */
export function homePage(site: SiteModel, index: SiteIndex): ListingPage {
  const types = [...index.types.values()]
    .sort((a, b) => compareText(a.label, b.label))
    .map((type) => ({ label: type.label, url: type.url, count: type.notes.length }));
  const recent = site.notes
    .map((note) => ({ note, updated: updatedDate(note.note) }))
    .filter((item): item is { note: SiteNote; updated: string } => item.updated !== null)
    .sort((a, b) => compareRaw(b.updated, a.updated) || byTitle(a.note, b.note))
    .slice(0, 10)
    .map(({ note, updated }) => ({ ...noteItem(index, note), note: updated }));
  const folders = [...index.folders.values()]
    .filter((folder) => !folder.path.includes('/'))
    .map((folder) => ({ label: `${folder.label}/`, url: folder.url, count: countNotes(index, folder) }));
  const groups = [
    ...(types.length > 0 ? [{ heading: 'By type', items: types }] : []),
    ...(recent.length > 0 ? [{ heading: 'Recently updated', items: recent }] : []),
    ...(folders.length > 0 ? [{ heading: 'Folders', items: folders }] : []),
  ];
  return listing(site, '', site.title, { intro: `${site.notes.length} published notes.`, groups });
}
