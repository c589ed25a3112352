// A file source: inside the project unless allowed out, a regular file only, within the
// size cap and the feed's timeout. Messages name the source as written, never the path
// it expands or resolves to.
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FeedError } from './errors.js';

export interface LocalRead {
  text: string;
  /** The file's real path lies outside the project folder (read because `allow-outside`). */
  outside: boolean;
}

export interface LocalOptions {
  /** The project folder (almanac.yaml's); relative sources are read from it. */
  dir: string;
  /** The source as written in the config, for messages. */
  label: string;
  allowOutside: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** Read `path` (the expanded source) as UTF-8 text. */
export async function readLocalSource(path: string, options: LocalOptions): Promise<LocalRead> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new FeedError(`could not read ${options.label} within ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  try {
    return await Promise.race([read(path, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(path: string, options: LocalOptions): Promise<LocalRead> {
  const { label } = options;
  let real: string;
  let root: string;
  try {
    real = await realpath(resolve(options.dir, path));
    root = await realpath(options.dir);
  } catch (error) {
    throw new FeedError(codeOf(error) === 'ENOENT' ? `data file not found: ${label}` : `cannot read ${label} (${codeOf(error) || 'unknown error'})`);
  }
  const outside = !isInside(root, real);
  if (outside && !options.allowOutside) {
    throw new FeedError(`${label} is outside the project (the folder of almanac.yaml, symlinks followed); set \`allow-outside: true\` on the feed to read it`);
  }
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FeedError(`cannot read ${label} (${codeOf(error) || 'unknown error'})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FeedError(`${label} is not a regular file (a folder, FIFO, socket or device); a feed reads files only`);
    if (stats.size > options.maxBytes) throw new FeedError(`${label} is larger than the ${options.maxBytes}-byte cap`);
    // Sized from the stat, grown if the file grows while it is read, never past the cap.
    let buffer = Buffer.alloc(Math.min(stats.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.alloc(Math.min(buffer.length * 2, options.maxBytes + 1));
        buffer.copy(grown);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > options.maxBytes) throw new FeedError(`${label} is larger than the ${options.maxBytes}-byte cap`);
    }
    return { text: buffer.subarray(0, length).toString('utf8'), outside };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(`cannot read ${label} (${codeOf(error) || 'unknown error'})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}
