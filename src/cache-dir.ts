// Where Almanac keeps its caches: `.almanac/` next to almanac.yaml, or inside the vault
// when there is none (`--vault DIR`), never in the folder Almanac happens to run from.
// The folder holds a `.gitignore` of `*`, so git leaves it out wherever it lands.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const ALMANAC_DIR = '.almanac';

export interface ProjectPlace {
  /** The config file, or null with no config (`--vault DIR`). */
  path: string | null;
  /** The config's folder. */
  dir: string;
  vaultDir: string;
}

/** `.almanac/` next to the config, or in the vault folder when there is no config. */
export function almanacDirOf(place: ProjectPlace): string {
  return join(place.path === null ? place.vaultDir : place.dir, ALMANAC_DIR);
}

/**
 * Create the cache folder `dir`; when it sits in a `.almanac/` folder, give that folder its
 * `.gitignore`. False when the folder cannot be made (a read-only vault): callers then skip
 * the cache, which only ever saves time.
 */
export function makeCacheDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return false;
  }
  const parent = dirname(dir);
  if (basename(parent) === ALMANAC_DIR) {
    try {
      writeFileSync(join(parent, '.gitignore'), '*\n', { flag: 'wx' });
    } catch {
      // Already there (or not writable): either way nothing to do.
    }
  }
  return true;
}
