// Small file-system helpers for the measurements.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** Number of `.html` files under `dir` (0 when it does not exist). */
export function countHtml(dir: string): number {
  let count = 0;
  const walk = (at: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(join(at, entry.name));
      else if (entry.isFile() && entry.name.endsWith('.html')) count++;
    }
  };
  walk(dir);
  return count;
}

/** Every `.html` file under `dir`, absolute. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.html')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Latest modification time of any file under `dir`, ms (0 when empty or missing). */
export function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (at: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}
