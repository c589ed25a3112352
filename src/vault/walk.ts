// List a vault's files without leaving it. tinyglobby walks the folder with an fs adapter
// that resolves each symlink first: one whose real path is outside the vault, or a folder
// symlink pointing at a folder that holds it (`ln -s . loop`), is not followed. Its own path
// still goes through the ignore globs (so an ignored link is not reported) and comes back in
// `skipped` instead of the file list. The adapter also counts entries and stops the walk
// once a limit is passed (`vault: /` must not walk the whole disk).
import { lstat, readdir, realpath, realpathSync, stat, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, type FileSystemAdapter } from 'tinyglobby';

export interface SkippedSymlink {
  /** Vault-relative path of the link, forward slashes. */
  path: string;
  /** Where it points (real path). */
  target: string;
  reason: 'outside' | 'loop';
}

export interface VaultListing {
  /** Vault-relative file paths (not sorted). */
  files: string[];
  skipped: SkippedSymlink[];
  /** True when the walk stopped at `maxEntries`. */
  truncated: boolean;
}

export interface WalkOptions {
  ignore: string[];
  /** Stop after this many folder entries (files and folders). */
  maxEntries: number;
}

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void;
type RealpathCallback = (error: NodeJS.ErrnoException | null, resolved: string) => void;
type StatCallback = (error: NodeJS.ErrnoException | null, stats: Stats) => void;

export async function walkVault(root: string, options: WalkOptions): Promise<VaultListing> {
  const realRoot = realpathSync(root);
  const inside = (path: string): boolean => within(path, realRoot);
  /** Absolute link path → why it is not followed. */
  const refused = new Map<string, { target: string; reason: SkippedSymlink['reason'] }>();
  const controller = new AbortController();
  let entries = 0;

  const fs: FileSystemAdapter = {
    readdir: ((path: string, _options: unknown, callback: ReaddirCallback) => {
      readdir(path, { withFileTypes: true }, (error, found) => {
        entries += found?.length ?? 0;
        if (entries > options.maxEntries) controller.abort();
        callback(error, found ?? []);
      });
    }) as unknown as FileSystemAdapter['readdir'],
    realpath: ((path: string, callback: RealpathCallback) => {
      realpath(path, (error, target) => {
        if (error) return callback(error, '');
        const reason = !inside(target) ? 'outside' : loops(path, target, root) ? 'loop' : null;
        if (!reason) return callback(null, target);
        refused.set(resolve(path), { target, reason });
        // Hand back the link itself: the stat below then describes the link, not what it
        // points at, so the walker treats it as a file and runs it through the ignore globs.
        callback(null, path);
      });
    }) as unknown as FileSystemAdapter['realpath'],
    stat: ((path: string, callback: StatCallback) => {
      if (refused.has(resolve(path))) lstat(path, callback);
      else stat(path, callback);
    }) as unknown as FileSystemAdapter['stat'],
  };

  const found = await glob('**/*', {
    cwd: root,
    ignore: options.ignore,
    dot: false,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: true,
    fs,
    signal: controller.signal,
  });
  const files: string[] = [];
  const skipped: SkippedSymlink[] = [];
  for (const file of found) {
    const why = refused.get(resolve(root, file));
    if (why) skipped.push({ path: file, ...why });
    else files.push(file);
  }
  return { files, skipped, truncated: controller.signal.aborted };
}

/** A folder symlink whose target is (or holds) a folder the link sits in, by real paths. */
function loops(link: string, target: string, root: string): boolean {
  let folder = dirname(resolve(link));
  const top = resolve(root);
  for (;;) {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return false;
    }
    if (within(real, target)) return true;
    if (folder === top) return false;
    const parent = dirname(folder);
    if (parent === folder) return false;
    folder = parent;
  }
}

/** `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
