// Atomic note writes that refuse to overwrite an edit made since the note was read.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Write `text` to `file` through a temp file and a rename, unless the file no longer hashes
 * to `expectedHash` (checked again just before the rename). Returns false on a conflict.
 */
export async function writeIfUnchanged(file: string, expectedHash: string, text: string): Promise<boolean> {
  // A dot-name in the same folder: Obsidian ignores it and the rename stays on one disk.
  const temp = join(dirname(file), `.${basename(file)}.almanac-${randomBytes(4).toString('hex')}.tmp`);
  const mode = (await stat(file)).mode;
  await writeFile(temp, text, 'utf8');
  try {
    await chmod(temp, mode);
    if (contentHash(await readFile(file)) !== expectedHash) {
      await unlink(temp);
      return false;
    }
    await rename(temp, file);
    return true;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
