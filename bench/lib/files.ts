// Small file-system helpers for the measurements.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** Call `visit` for every file under `dir`, folders first-come; an unreadable or missing folder is skipped. */
function eachFile(dir: string, visit: (path: string, entry: Dirent) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) eachFile(path, visit);
    else if (entry.isFile()) visit(path, entry);
  }
}

/** Number of `.html` files under `dir` (0 when it does not exist). */
export function countHtml(dir: string): number {
  return htmlFiles(dir).length;
}

/** Every `.html` file under `dir`, absolute. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  eachFile(dir, (path, entry) => {
    if (entry.name.endsWith('.html')) found.push(path);
  });
  return found;
}

/** Bytes of every file under `dir` (0 when missing). */
export function folderBytes(dir: string): number {
  let total = 0;
  eachFile(dir, (path) => {
    total += statSync(path).size;
  });
  return total;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Latest modification time of any file under `dir`, ms (0 when empty or missing). */
export function newestMtime(dir: string): number {
  let newest = 0;
  eachFile(dir, (path) => {
    newest = Math.max(newest, statSync(path).mtimeMs);
  });
  return newest;
}
