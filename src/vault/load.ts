// loadVault: find the vault's files, read and parse every note once.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { glob } from 'tinyglobby';
import { parseNote } from '../parse/index.js';
import type { ParsedNote } from '../parse/types.js';
import { hashSource, ParseCache, stripTree } from './cache.js';
import { parseInWorkers, workersAvailable } from './parse-pool.js';

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
  /** Parse hook; when set, every note goes through it in this thread (no cache, no workers). */
  parse?: ((path: string, source: string) => ParsedNote | Promise<ParsedNote>) | null | undefined;
  /** Folder for the parsed-note cache (e.g. `.almanac/cache`); null: no cache. Used only without trees. */
  cacheDir?: string | null | undefined;
  /** Keep each note's mdast tree (publishing needs it; checking does not). Default true. */
  trees?: boolean | undefined;
  /** Parses every note (no cache, no parse pool): build's note workers, which keep the trees
   * and give back notes without them (see publish/note-workers.ts). */
  parseAll?: ((items: Array<{ path: string; source: string }>) => Promise<Map<string, ParsedNote>>) | null | undefined;
  /** Worker threads for parsing: a count, or false for none. Default: one per core for large vaults. */
  workers?: number | false | undefined;
  /** The vault's files already read by scanVault (so they are read once). */
  scan?: VaultScan | null | undefined;
}

/** Every file of the vault, each note's source read and hashed. */
export interface VaultScan {
  root: string;
  paths: string[];
  attachments: string[];
  sources: string[];
  hashes: string[];
  /** Hash of every note's path and content and every attachment's path. */
  fingerprint: string;
}

export async function scanVault(root: string, options: Pick<LoadOptions, 'ignore'> = {}): Promise<VaultScan> {
  const absolute = resolvePath(root);
  const { notes: paths, attachments } = await listVaultFiles(absolute, options.ignore ?? []);
  const sources = await mapLimit(paths, 64, (path) => readFile(resolvePath(absolute, path), 'utf8'));
  const hashes = sources.map(hashSource);
  const fingerprint = hashSource(`${paths.map((path, index) => `${path}\0${hashes[index] ?? ''}`).join('\n')}\n\n${attachments.join('\n')}`);
  return { root: absolute, paths, attachments, sources, hashes, fingerprint };
}

/** Below this many notes to parse, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 300;

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
  const scan = options.scan ?? (await scanVault(root, options));
  const { root: absolute, paths, attachments, sources, hashes } = scan;
  const custom = options.parse;
  if (custom) {
    const notes = await mapLimit(paths, 32, async (path, index) => custom(path, sources[index] ?? ''));
    return { root: absolute, notes, attachments };
  }
  if (options.parseAll) {
    const parsed = await options.parseAll(paths.map((path, index) => ({ path, source: sources[index] ?? '' })));
    const notes = paths.map((path) => parsed.get(path)).filter((note): note is ParsedNote => note !== undefined);
    if (notes.length !== paths.length) throw new Error('parseAll left notes unparsed');
    return { root: absolute, notes, attachments };
  }
  const trees = options.trees ?? true;
  // Only facts are cached. Cached trees (230 MB at 10,000 notes) took longer to read back in
  // one thread than the fast parser takes to make them again in two, and held more memory.
  const cache = options.cacheDir && !trees ? new ParseCache(options.cacheDir, `facts\0${absolute}`) : null;
  const notes: Array<ParsedNote | undefined> = paths.map((path, index) => cache?.get(path, hashes[index] ?? ''));
  const missing = paths.flatMap((path, index) => (notes[index] ? [] : [{ path, source: sources[index] ?? '', index }]));
  const threads = options.workers === false ? 0 : (options.workers ?? (missing.length >= WORKER_THRESHOLD ? undefined : 0));
  if (missing.length > 0 && threads !== 0 && workersAvailable()) {
    const parsed = await parseInWorkers(missing, trees, threads);
    for (const item of missing) notes[item.index] = parsed.get(item.path);
  }
  for (const item of missing) {
    const parsed = notes[item.index] ?? parseNote(item.path, item.source);
    const note = trees ? parsed : stripTree(parsed);
    notes[item.index] = note;
    cache?.set(item.path, hashes[item.index] ?? '', note);
  }
  cache?.save(paths);
  return { root: absolute, notes: notes.filter((note): note is ParsedNote => note !== undefined), attachments };
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
