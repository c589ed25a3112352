// Folders, tags and types of the published notes, each with its page slug. Built once
// per build from the site model, so unpublished notes can never show up in a listing.
import { compareText } from './collate.js';
import type { SiteModel, SiteNote } from '../model/site-model.js';
import { slugifyPath } from '../model/slug.js';
import { safeSlug, takeGeneratedRoutes, type GeneratedRoutes } from '../model/generated-pages.js';
import { tagAncestry, tagSlug, typeLabel, typeSlug } from '../model/taxonomy.js';
import { pageUrl } from '../model/urls.js';

export interface FolderEntry {
  /** Vault folder path without trailing slash. */
  path: string;
  label: string;
  slug: string;
  url: string;
  notes: SiteNote[];
  /** Paths of the sub-folders holding published notes. */
  children: string[];
}

export interface TagEntry {
  /** As first written, without `#`. */
  name: string;
  slug: string;
  url: string;
  /** Notes with this tag or one nested under it. */
  notes: SiteNote[];
  /** Slugs of the tags one level below. */
  children: string[];
}

export interface TypeEntry {
  type: string;
  label: string;
  slug: string;
  url: string;
  notes: SiteNote[];
}

export interface SiteIndex {
  folders: Map<string, FolderEntry>;
  tags: Map<string, TagEntry>;
  types: Map<string, TypeEntry>;
  /** Each published note's place in title order (equal titles share one), so lists of notes
   * sort by a number instead of collating titles again on every page. */
  titleRank: Map<SiteNote, number>;
  /** Slugs of the generated pages (stale, tags, types, search, graph): moved when a note has theirs. */
  routes: GeneratedRoutes;
}

export function buildSiteIndex(site: SiteModel): SiteIndex {
  // Folder pages take their slugs before the generated pages, which move if one is taken.
  const folders = indexFolders(site);
  return { folders, tags: indexTags(site), types: indexTypes(site), titleRank: rankTitles(site.notes), routes: takeGeneratedRoutes(site.slugs) };
}

function rankTitles(notes: SiteNote[]): Map<SiteNote, number> {
  const ranks = new Map<SiteNote, number>();
  let rank = 0;
  let previous: SiteNote | null = null;
  for (const note of [...notes].sort((a, b) => compareText(a.note.title, b.note.title))) {
    if (previous && compareText(previous.note.title, note.note.title) !== 0) rank++;
    ranks.set(note, rank);
    previous = note;
  }
  return ranks;
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function indexFolders(site: SiteModel): Map<string, FolderEntry> {
  const folders = new Map<string, FolderEntry>();
  const ensure = (path: string): FolderEntry => {
    let entry = folders.get(path);
    if (!entry) {
      const slug = site.slugs.take(safeSlug(slugifyPath(path), true));
      entry = { path, label: path.slice(path.lastIndexOf('/') + 1), slug, url: pageUrl(site.base, slug), notes: [], children: [] };
      folders.set(path, entry);
      const parent = folderOf(path);
      if (parent !== '') ensure(parent).children.push(path);
    }
    return entry;
  };
  for (const note of site.notes) {
    const folder = folderOf(note.note.path);
    if (folder !== '') ensure(folder).notes.push(note);
  }
  return folders;
}

function indexTags(site: SiteModel): Map<string, TagEntry> {
  const tags = new Map<string, TagEntry>();
  const ensure = (name: string): TagEntry => {
    const slug = tagSlug(name);
    let entry = tags.get(slug);
    if (!entry) {
      entry = { name, slug, url: pageUrl(site.base, slug), notes: [], children: [] };
      tags.set(slug, entry);
    }
    return entry;
  };
  for (const note of site.notes) {
    const seen = new Set<string>();
    for (const tag of note.note.tags) {
      const chain = tagAncestry(tag.name);
      chain.forEach((name, index) => {
        const entry = ensure(name);
        const parent = chain[index - 1];
        if (parent !== undefined) {
          const parentEntry = ensure(parent);
          if (!parentEntry.children.includes(entry.slug)) parentEntry.children.push(entry.slug);
        }
        if (!seen.has(entry.slug)) {
          seen.add(entry.slug);
          entry.notes.push(note);
        }
      });
    }
  }
  return tags;
}

function indexTypes(site: SiteModel): Map<string, TypeEntry> {
  const types = new Map<string, TypeEntry>();
  for (const note of site.notes) {
    const type = note.note.type?.trim();
    if (!type) continue;
    const slug = typeSlug(type);
    let entry = types.get(slug);
    if (!entry) {
      entry = { type, label: typeLabel(type), slug, url: pageUrl(site.base, slug), notes: [] };
      types.set(slug, entry);
    }
    entry.notes.push(note);
  }
  return types;
}

/** Each written type's slug: a vault has few types and every page asks (backlinks, graph, listings). */
const typeSlugs = new Map<string, string>();

/** The type entry of a note, if it has a type. */
export function typeOf(index: SiteIndex, note: SiteNote): TypeEntry | undefined {
  const written = note.note.type;
  if (!written) return undefined;
  let slug = typeSlugs.get(written);
  if (slug === undefined) {
    const type = written.trim();
    slug = type ? typeSlug(type) : '';
    typeSlugs.set(written, slug);
  }
  return slug ? index.types.get(slug) : undefined;
}
