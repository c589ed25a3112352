// Navigation Quartz and Obsidian Publish readers expect: the explorer (the folder tree, every
// folder with its notes, the same on every page: the page marks where it is) and the
// breadcrumbs of a note or folder page (home › folder › sub-folder).
import type { SiteModel, SiteNote } from '../model/site-model.js';
import { compareText } from './collate.js';
import { folderOf, type FolderEntry, type SiteIndex } from './site-index.js';
import type { LinkItem } from './types.js';

export interface ExplorerFolder {
  /** Vault folder path, the key the client remembers a folder's open state by. */
  path: string;
  label: string;
  url: string;
  /** Notes in it and in its sub-folders. */
  count: number;
  folders: ExplorerFolder[];
  notes: LinkItem[];
  /** It holds more notes than it lists (EXPLORER_NOTES): its folder page lists them all. */
  more: boolean;
}

export interface Explorer {
  folders: ExplorerFolder[];
  /** Notes at the vault's root. */
  notes: LinkItem[];
  /** Whether every folder lists its notes on every page (a small site), or only the folders
   * holding the page (a large one: the tree on each of 10,000 pages stays a few KB). */
  complete: boolean;
}

/** Most notes a folder lists in the explorer; past that, its folder page lists them all. */
export const EXPLORER_NOTES = 25;
/** Up to this many published notes, every folder lists its notes on every page. */
const COMPLETE_UP_TO = 300;

export function explorerTree(site: SiteModel, index: SiteIndex): Explorer {
  const byTitle = (a: SiteNote, b: SiteNote): number => compareText(a.note.title, b.note.title);
  const notesOf = (notes: SiteNote[]): LinkItem[] =>
    [...notes]
      .sort(byTitle)
      .slice(0, EXPLORER_NOTES)
      .map((note) => ({ label: note.note.title, url: note.url, slug: note.slug }));
  const folder = (entry: FolderEntry): ExplorerFolder => {
    const folders = childrenOf(index, entry.children).map(folder);
    return {
      path: entry.path,
      label: entry.label,
      url: entry.url,
      count: entry.notes.length + folders.reduce((sum, child) => sum + child.count, 0),
      folders,
      notes: notesOf(entry.notes),
      more: entry.notes.length > EXPLORER_NOTES,
    };
  };
  const top = [...index.folders.values()].filter((entry) => !entry.path.includes('/')).map((entry) => entry.path);
  return {
    folders: childrenOf(index, top).map(folder),
    notes: notesOf(site.notes.filter((note) => folderOf(note.note.path) === '')),
    complete: site.notes.length <= COMPLETE_UP_TO,
  };
}

function childrenOf(index: SiteIndex, paths: string[]): FolderEntry[] {
  return paths
    .map((path) => index.folders.get(path))
    .filter((entry): entry is FolderEntry => entry !== undefined)
    .sort((a, b) => compareText(a.label, b.label));
}

/** Home, then each folder above `folder` and `folder` itself, as links (the page's own title follows, unlinked). */
export function breadcrumbsOf(site: SiteModel, index: SiteIndex, folder: string): LinkItem[] {
  const crumbs: LinkItem[] = [{ label: site.title, url: site.base }];
  if (folder === '') return crumbs;
  const parts = folder.split('/');
  for (let depth = 1; depth <= parts.length; depth++) {
    const entry = index.folders.get(parts.slice(0, depth).join('/'));
    if (entry) crumbs.push({ label: entry.label, url: entry.url });
  }
  return crumbs;
}
