// Lookup tables for resolving link paths the way Obsidian does.
import type { ParsedNote } from '../parse/types.js';
import type { Vault } from '../vault/load.js';

export interface LinkIndex {
  notes: Map<string, ParsedNote>;
  /** Lower-cased vault path without `.md` → note. */
  byPath: Map<string, ParsedNote>;
  /** Lower-cased paths that several notes share (`A.md` and `a.md`: case twins) → those notes. */
  caseTwins: Map<string, ParsedNote[]>;
  /** Lower-cased file name without `.md` → notes. */
  byName: Map<string, ParsedNote[]>;
  /** Lower-cased alias → notes. */
  byAlias: Map<string, ParsedNote[]>;
  /** Lower-cased vault path → attachment path. */
  attachmentsByPath: Map<string, string>;
  /** Lower-cased file name → attachment paths. */
  attachmentsByName: Map<string, string[]>;
}

export function buildLinkIndex(vault: Vault): LinkIndex {
  const index: LinkIndex = {
    notes: new Map(),
    byPath: new Map(),
    caseTwins: new Map(),
    byName: new Map(),
    byAlias: new Map(),
    attachmentsByPath: new Map(),
    attachmentsByName: new Map(),
  };
  for (const note of vault.notes) {
    index.notes.set(note.path, note);
    const key = stripMd(note.path).toLowerCase();
    const twin = index.byPath.get(key);
    if (twin) index.caseTwins.set(key, [...(index.caseTwins.get(key) ?? [twin]), note]);
    else index.byPath.set(key, note);
    push(index.byName, note.name.toLowerCase(), note);
    for (const alias of note.aliases) push(index.byAlias, alias.toLowerCase(), note);
  }
  for (const file of vault.attachments) {
    index.attachmentsByPath.set(file.toLowerCase(), file);
    push(index.attachmentsByName, fileName(file).toLowerCase(), file);
  }
  return index;
}

export function stripMd(path: string): string {
  return path.toLowerCase().endsWith('.md') ? path.slice(0, -3) : path;
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
