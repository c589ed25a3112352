// What the vault's own Obsidian settings leave out of the vault as a body of notes: the
// template folder (core Templates plugin, .obsidian/templates.json `folder`; Templater,
// .obsidian/plugins/templater-obsidian/data.json `templates_folder`) and Obsidian's
// "Excluded files" (.obsidian/app.json `userIgnoreFilters`, plain folder or file paths;
// regular-expression filters are not read). Unreadable or odd settings are no settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function jsonAt(file: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A vault-relative folder or file as an ignore glob (`Templates` → `Templates/**`; with
 * `notesOnly`, only the notes under it), or null. */
function pathGlob(value: unknown, notesOnly = false): string | null {
  if (typeof value !== 'string') return null;
  const path = value.trim().replace(/^\/+|\/+$/g, '');
  if (path === '' || path.startsWith('.') || path.split('/').includes('..') || /[*?[\]{}]/.test(path)) return null;
  if (path.toLowerCase().endsWith('.md')) return path;
  return notesOnly ? `${path}/**/*.md` : `${path}/**`;
}

/** The template folders the vault's Obsidian settings name, as ignore globs of their notes
 * (what else they hold stays: kepano's vault keeps the `.base` files its notes embed there). */
export function templateFolderGlobs(vaultDir: string): string[] {
  const settings = join(vaultDir, '.obsidian');
  const folders = [jsonAt(join(settings, 'templates.json'))?.folder, jsonAt(join(settings, 'plugins', 'templater-obsidian', 'data.json'))?.templates_folder];
  return [...new Set(folders.map((folder) => pathGlob(folder, true)).filter((glob): glob is string => glob !== null))];
}

/** Obsidian's "Excluded files" that are plain paths, as ignore globs. */
export function excludedFileGlobs(vaultDir: string): string[] {
  const filters = jsonAt(join(vaultDir, '.obsidian', 'app.json'))?.userIgnoreFilters;
  if (!Array.isArray(filters)) return [];
  return [...new Set(filters.map((filter) => pathGlob(filter)).filter((glob): glob is string => glob !== null))];
}
