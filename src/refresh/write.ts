// Atomic note writes that refuse to overwrite an edit made since the note was read, refuse
// notes the user made read-only or hard-linked, write through symlinks, and never leave a
// temp file behind when a write fails.
import { constants } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { access, chmod, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export type WriteOutcome =
  | { status: 'written' }
  /** The note no longer hashes to what was read: nothing written. */
  | { status: 'conflict' }
  /** Almanac will not write this note (read-only, hard-linked, a symlink out of the vault). */
  | { status: 'refused'; reason: string }
  /** The write itself failed (disk full, permission denied); the note is as it was. */
  | { status: 'failed'; reason: string };

export interface WriteNoteOptions {
  /** Folder a symlinked note's target must lie in (the vault's real path); null: anywhere. */
  within?: string | null | undefined;
}

/** `.NAME.almanac-XXXXXXXX.tmp`: a dot-name in the note's folder (Obsidian ignores it, the rename stays on one disk). */
export function tempName(file: string): string {
  return join(dirname(file), `.${basename(file)}.almanac-${randomBytes(4).toString('hex')}.tmp`);
}

/** The temp files `tempName` gives for `file`, and nothing else. */
function isTempOf(file: string, name: string): boolean {
  const prefix = `.${basename(file)}.almanac-`;
  return name.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Write `text` to the note at `file` through a temp file and a rename, unless the file no
 * longer hashes to `expectedHash` (checked again just before the rename). A symlinked note
 * is written at its target, so the link stays a link.
 */
export async function writeNote(file: string, expectedHash: string, text: string, options: WriteNoteOptions = {}): Promise<WriteOutcome> {
  let target: string;
  let mode: number;
  try {
    target = await realpath(file);
    if (options.within && !isInside(await realpath(options.within), target)) {
      return { status: 'refused', reason: 'the note is a symlink to a file outside the vault' };
    }
    const stats = await stat(target);
    mode = stats.mode;
    if (stats.nlink > 1) {
      return {
        status: 'refused',
        reason: `the note has ${stats.nlink} hard links, and writing it (temp file + rename) would leave its other names stale; make it a single file (or a symlink) to refresh it`,
      };
    }
    // Root passes access(W_OK) on any file: a note with no write bit for anyone is read-only too.
    if ((mode & 0o222) === 0) return { status: 'refused', reason: 'the note is read-only (no write permission for anyone)' };
    await access(target, constants.W_OK);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { status: 'conflict' };
    return { status: 'failed', reason: reasonOf(error) };
  }
  const temp = tempName(target);
  try {
    // `wx`: never write through something already at the temp name.
    await writeFile(temp, text, { encoding: 'utf8', mode: mode & 0o777, flag: 'wx' });
    await chmod(temp, mode & 0o7777);
    if (contentHash(await readFile(target)) !== expectedHash) {
      await unlink(temp);
      return { status: 'conflict' };
    }
    await rename(temp, target);
    return { status: 'written' };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    return { status: 'failed', reason: reasonOf(error) };
  }
}

/** writeNote for callers that only care whether it was written; anything but a conflict throws. */
export async function writeIfUnchanged(file: string, expectedHash: string, text: string): Promise<boolean> {
  const outcome = await writeNote(file, expectedHash, text);
  if (outcome.status === 'refused' || outcome.status === 'failed') throw new Error(`${file}: ${outcome.reason}`);
  return outcome.status === 'written';
}

/**
 * Remove temp files a killed run left beside the note at `file` (its real path's folder):
 * only names `tempName` gives for this note, only files older than `before` (ms), so a
 * write in flight in another run is never touched. Returns how many were removed.
 */
export async function removeStaleTemps(file: string, before: number): Promise<number> {
  let removed = 0;
  try {
    const target = await realpath(file);
    const folder = dirname(target);
    for (const name of await readdir(folder)) {
      if (!isTempOf(target, name)) continue;
      const path = join(folder, name);
      const stats = await stat(path).catch(() => null);
      if (!stats?.isFile() || stats.mtimeMs >= before) continue;
      if (
        await unlink(path).then(
          () => true,
          () => false,
        )
      )
        removed++;
    }
  } catch {
    // a folder we cannot list has nothing we could remove
  }
  return removed;
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full (ENOSPC)',
  EDQUOT: 'the disk quota is exhausted (EDQUOT)',
  EACCES: 'permission denied (EACCES): the note or its folder is not writable',
  EPERM: 'operation not permitted (EPERM)',
  EROFS: 'the file system is read-only (EROFS)',
  EIO: 'an I/O error (EIO)',
};

function reasonOf(error: unknown): string {
  const code = codeOf(error);
  return REASONS[code] ?? (code ? `the write failed (${code})` : `the write failed (${error instanceof Error ? error.message : String(error)})`);
}
