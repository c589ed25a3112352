// loadVault: find the vault's files, read and parse every note once.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { glob } from 'tinyglobby';
import { parseNote } from '../parse/index.js';
import type { ParsedNote } from '../parse/types.js';

export interface Vault {
  /** Absolute path of the vault folder. */
  root: string;
  /** Notes sorted by path. */
  notes: ParsedNote[];
  /** Vault-relative paths of every non-Markdown file. */
  attachments: string[];
}

export interface LoadOptions {
  /** Globs (vault-relative) of files to leave out, on top of the defaults. */
  ignore?: string[] | null | undefined;
  /** Parse hook, e.g. a cache or a worker pool. Defaults to parsing in this thread. */
  parse?: ((path: string, source: string) => ParsedNote | Promise<ParsedNote>) | null | undefined;
}

/** Folders Obsidian and tools keep inside a vault that are not notes. */
export const DEFAULT_IGNORE = ['.obsidian/**', '.trash/**', '.git/**', 'node_modules/**', '.almanac/**', '**/.DS_Store'];

export async function listVaultFiles(root: string, ignore: string[] = []): Promise<{ notes: string[]; attachments: string[] }> {
  const files = await glob('**/*', { cwd: root, ignore: [...DEFAULT_IGNORE, ...ignore], dot: false, onlyFiles: true, expandDirectories: false });
  files.sort(comparePaths);
  const notes: string[] = [];
  const attachments: string[] = [];
  for (const file of files) (file.toLowerCase().endsWith('.md') ? notes : attachments).push(file);
  return { notes, attachments };
}

export async function loadVault(root: string, options: LoadOptions = {}): Promise<Vault> {
  const absolute = resolvePath(root);
  const { notes: paths, attachments } = await listVaultFiles(absolute, options.ignore ?? []);
  const parse = options.parse ?? parseNote;
  const notes = await mapLimit(paths, 32, async (path) => parse(path, await readFile(resolvePath(absolute, path), 'utf8')));
  return { root: absolute, notes, attachments };
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      results[index] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
