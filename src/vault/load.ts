// loadVault: find the vault's files, read and parse every note once.
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { homedir } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseNote } from '../parse/index.js';
import type { ParsedNote } from '../parse/types.js';
import { hashSource, ParseCache, stripTree, type PackedNote } from './cache.js';
import { parseInWorkers, workersAvailable } from './parse-pool.js';
import type { NoteParser } from './parser.js';
import { readNoteFileSync } from './read-note.js';
import { walkVault } from './walk.js';
import { compareRaw as comparePaths } from '../util/compare.js';

/** A file of the vault Almanac could not take as it is (check reports it, build warns). */
export interface VaultProblem {
  rule: 'unsafe-symlink' | 'note-too-large' | 'invalid-encoding';
  /** Vault-relative, forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface VaultLimits {
  /** Most files and folders the vault may hold (default 200,000). */
  files?: number | undefined;
  /** Largest note read, in bytes (default 5 MB). */
  'note-size'?: number | undefined;
}

export const DEFAULT_LIMITS = { files: 200_000, 'note-size': 5 * 1024 * 1024 } as const;

export interface Vault {
  /** Absolute path of the vault folder. */
  root: string;
  /** Notes sorted by path. */
  notes: ParsedNote[];
  /** Vault-relative paths of every non-Markdown file. */
  attachments: string[];
  /** Symlinks not followed, notes too large to read, notes not in UTF-8 (see VaultProblem). */
  problems?: VaultProblem[] | undefined;
  /** Text files other than notes that later stages read (see TEXT_FILE), by path; also in `attachments`. */
  texts?: VaultText[] | undefined;
}

/** A non-note text file of the vault (`.base`, `.canvas`), read once with the notes. */
export interface VaultText {
  path: string;
  source: string;
}

/** Attachments read as text by the scan (their content counts in the fingerprint): Obsidian Bases and JSON Canvas. */
export const TEXT_FILE = /\.(base|canvas)$/i;

export interface LoadOptions {
  /** Globs (vault-relative) of files to leave out, on top of the defaults. */
  ignore?: string[] | null | undefined;
  /** Folder for the parsed-note cache (e.g. `.almanac/cache`); null: no cache. Used only without trees. */
  cacheDir?: string | null | undefined;
  /** Keep each note's mdast tree (publishing needs it; checking does not). Default true. */
  trees?: boolean | undefined;
  /** Parses every note (no cache, no parse pool), e.g. publish's note workers, which keep the
   * trees and give back notes without them (see parser.ts). */
  parser?: NoteParser | null | undefined;
  /** Worker threads for parsing: a count, or false for none. Default: one per core for large vaults. */
  workers?: number | false | undefined;
  /** Vault and note size limits (config `limits`). */
  limits?: VaultLimits | null | undefined;
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
  problems: VaultProblem[];
  /** Attachments matching TEXT_FILE, read (sorted by path; unreadable or too large ones left out). */
  texts: VaultText[];
  /** Hash of every note's path and content, every attachment's path and every text file's content. */
  fingerprint: string;
}

export interface ScanOptions {
  ignore?: string[] | null | undefined;
  limits?: VaultLimits | null | undefined;
}

export async function scanVault(root: string, options: ScanOptions = {}): Promise<VaultScan> {
  const absolute = resolvePath(root);
  const noteSize = options.limits?.['note-size'] ?? DEFAULT_LIMITS['note-size'];
  const listed = await listVault(absolute, options);
  const problems = [...listed.problems];
  const paths: string[] = [];
  const sources: string[] = [];
  const reads = listed.notes.map((path) => readNoteFileSync(resolvePath(absolute, path), noteSize));
  listed.notes.forEach((path, index) => {
    const read = reads[index];
    if (!read || read.kind === 'not-a-file') return;
    paths.push(path);
    if (read.kind === 'too-large') {
      // It stays a note, empty and private, so links to it resolve and it is not published.
      sources.push(SKIPPED_NOTE);
      problems.push({
        rule: 'note-too-large',
        file: path,
        line: 1,
        column: 1,
        message: `Note is ${formatBytes(read.size)}, over the ${formatBytes(noteSize)} limit (limits.note-size): not read, checked or published`,
      });
      return;
    }
    sources.push(read.source);
    if (read.invalid) {
      problems.push({
        rule: 'invalid-encoding',
        file: path,
        line: read.invalid.line,
        column: 1,
        message: `Not valid UTF-8 at byte ${read.invalid.offset}: save the note as UTF-8 (bytes that are not UTF-8 read as U+FFFD)`,
      });
    }
  });
  const texts = readTexts(absolute, listed.attachments, noteSize);
  const hashes = sources.map(hashSource);
  const textPart = texts.map((file) => `${file.path}\0${hashSource(file.source)}`).join('\n');
  const problemText = problems.map((problem) => `${problem.rule}\0${problem.file}\0${problem.message}`).join('\n');
  const fingerprint = hashSource(
    `${paths.map((path, index) => `${path}\0${hashes[index] ?? ''}`).join('\n')}\n\n${listed.attachments.join('\n')}\n\n${problemText}${textPart === '' ? '' : `\n\n${textPart}`}`,
  );
  return { root: absolute, paths, attachments: listed.attachments, sources, hashes, problems, texts, fingerprint };
}

function readTexts(root: string, attachments: string[], maxBytes: number): VaultText[] {
  const paths = attachments.filter((path) => TEXT_FILE.test(path));
  const reads = paths.map((path) => {
    try {
      return readNoteFileSync(resolvePath(root, path), maxBytes);
    } catch {
      return null;
    }
  });
  return paths.flatMap((path, index) => {
    const read = reads[index];
    return read?.kind === 'text' ? [{ path, source: read.source }] : [];
  });
}

/** What a note too large to read stands in as: no body, never published. */
const SKIPPED_NOTE = '---\npublish: false\n---\n';

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

/** Below this many notes to parse, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 300;

/** Folders Obsidian and tools keep inside a vault that are not notes. */
export const DEFAULT_IGNORE = ['.obsidian/**', '.trash/**', '.git/**', 'node_modules/**', '.almanac/**', '**/.DS_Store'];

export async function listVaultFiles(root: string, ignore: string[] = []): Promise<{ notes: string[]; attachments: string[] }> {
  const { notes, attachments } = await listVault(resolvePath(root), { ignore });
  return { notes, attachments };
}

/**
 * The vault's notes and attachments, sorted, and the symlinks not followed. Refuses (a
 * config error) a vault that is the file-system root or the home folder, or that holds
 * more than `limits.files` files and folders.
 */
export async function listVault(root: string, options: ScanOptions = {}): Promise<{ notes: string[]; attachments: string[]; problems: VaultProblem[] }> {
  refuseVaultRoot(root);
  const maxEntries = options.limits?.files ?? DEFAULT_LIMITS.files;
  const listing = await walkVault(root, { ignore: [...DEFAULT_IGNORE, ...(options.ignore ?? [])], maxEntries });
  if (listing.truncated) {
    throw new ConfigError(
      `The vault ${root} holds more than ${maxEntries.toLocaleString('en-US')} files and folders (limits.files): is \`vault\` the right folder? Raise limits.files in almanac.yaml to go on.`,
    );
  }
  const files = listing.files.sort(comparePaths);
  const notes: string[] = [];
  const attachments: string[] = [];
  for (const file of files) (file.toLowerCase().endsWith('.md') ? notes : attachments).push(file);
  const problems = listing.skipped
    .sort((a, b) => comparePaths(a.path, b.path))
    .map(
      (link): VaultProblem => ({
        rule: 'unsafe-symlink',
        file: link.path,
        line: 1,
        column: 1,
        message:
          link.reason === 'outside'
            ? `Symlink to ${link.target}, outside the vault: not followed (nothing behind it is checked or published)`
            : `Symlink to ${link.target}, a folder that holds the link: not followed (it would loop)`,
      }),
    );
  return { notes, attachments, problems };
}

/** `vault: /` or `vault: ~` would walk (and publish) far more than a vault. */
function refuseVaultRoot(root: string): void {
  const real = realpathSync(root);
  let home: string | null = null;
  try {
    home = realpathSync(homedir());
  } catch {
    home = null;
  }
  if (real === resolvePath('/') || /^[A-Za-z]:\\?$/.test(real))
    throw new ConfigError(`The vault is the file-system root (${root}): set \`vault\` to the folder of your notes`);
  if (home !== null && real === home) throw new ConfigError(`The vault is your home folder (${root}): set \`vault\` to the folder of your notes`);
}

export async function loadVault(root: string, options: LoadOptions = {}): Promise<Vault> {
  const scan = options.scan ?? (await scanVault(root, { ignore: options.ignore, limits: options.limits }));
  const { root: absolute, paths, attachments, sources, hashes } = scan;
  if (options.parser) {
    const parsed = await options.parser.parseAll(paths.map((path, index) => ({ path, source: sources[index] ?? '' })));
    const notes = paths.map((path) => parsed.get(path)).filter((note): note is ParsedNote => note !== undefined);
    if (notes.length !== paths.length) throw new Error('the note parser left notes unparsed');
    return { root: absolute, notes, attachments, problems: scan.problems, texts: scan.texts };
  }
  const trees = options.trees ?? true;
  // Only facts are cached. Cached trees (230 MB at 10,000 notes) took longer to read back in
  // one thread than the fast parser takes to make them again in two, and held more memory.
  const cache = options.cacheDir && !trees ? new ParseCache(options.cacheDir, `facts\0${absolute}`) : null;
  const notes: Array<ParsedNote | undefined> = paths.map((path, index) => cache?.get(path, hashes[index] ?? ''));
  const missing = paths.flatMap((path, index) => (notes[index] ? [] : [{ path, source: sources[index] ?? '', index }]));
  // By default one worker per core but one: this thread parses too (see parseInWorkers).
  const threads = options.workers === false ? 0 : (options.workers ?? (missing.length >= WORKER_THRESHOLD ? availableParallelism() - 1 : 0));
  const packed = new Map<string, PackedNote>();
  if (missing.length > 0 && threads > 0 && workersAvailable()) {
    const here = ({ path, source }: { path: string; source: string }): ParsedNote => {
      const note = parseNote(path, source);
      return trees ? note : stripTree(note);
    };
    const parsed = await parseInWorkers(missing, trees, threads, cache !== null, here);
    for (const item of missing) {
      const done = parsed.get(item.path);
      notes[item.index] = done?.note;
      if (done?.packed) packed.set(item.path, done.packed);
    }
  }
  for (const item of missing) {
    const parsed = notes[item.index] ?? parseNote(item.path, item.source);
    const note = trees ? parsed : stripTree(parsed);
    notes[item.index] = note;
    cache?.set(item.path, hashes[item.index] ?? '', packed.get(item.path) ?? note);
  }
  cache?.save(paths);
  return { root: absolute, notes: notes.filter((note): note is ParsedNote => note !== undefined), attachments, problems: scan.problems, texts: scan.texts };
}

/** Vault paths in code-unit order (one order on every machine). */
export { compareRaw as comparePaths } from '../util/compare.js';
