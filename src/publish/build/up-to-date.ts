// A warm build of an unchanged vault writes nothing: the last build's inputs (vault
// content, config, options, templates, Almanac's version, git HEAD) and a stamp of its
// output are kept in .almanac/cache (see cache-dir.ts); when both still match, the site is up to date.
import { readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { makeCacheDir } from '../../cache-dir.js';
import { hashSource } from '../../vault/cache.js';
import { renderLibraryVersions, VERSION } from '../../version.js';
import { writeFileAtomicSync } from '../../util/atomic-file.js';
import { gitHead } from '../../util/git.js';
import type { BuildWarning } from '../model/warnings.js';

export interface BuildManifest {
  key: string;
  stamp: string;
  pages: number;
  notes: number;
  warnings: BuildWarning[];
}

export interface BuildKeyParts {
  fingerprint: string;
  config: unknown;
  outDir: string;
  base: string;
  today: string;
  search: boolean;
  strict: boolean;
  templatesDir: string;
  vaultDir: string;
}

export function buildKey(parts: BuildKeyParts): string {
  const { templatesDir, vaultDir, config, ...rest } = parts;
  return hashSource(
    [VERSION, renderLibraryVersions(), JSON.stringify(rest), JSON.stringify(config), treeStamp(templatesDir, true), gitHead(vaultDir)].join('\0'),
  );
}

/** Files, sizes and modification times under `dir` (with `contents`, their bytes too). */
export function treeStamp(dir: string, contents = false): string {
  const parts: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const stat = statSync(path);
        parts.push(contents ? `${prefix}${entry.name}\0${hashSource(readFileSync(path, 'latin1'))}` : `${prefix}${entry.name}\0${stat.size}\0${stat.mtimeMs}`);
      }
    }
  };
  walk(dir, '');
  return hashSource(parts.join('\n'));
}

function manifestFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, `build-${hashSource(outDir).slice(0, 16)}.json`);
}

export function readManifest(cacheDir: string, outDir: string): BuildManifest | null {
  try {
    const data = JSON.parse(readFileSync(manifestFile(cacheDir, outDir), 'utf8')) as BuildManifest;
    return typeof data.key === 'string' && typeof data.stamp === 'string' ? data : null;
  } catch {
    return null;
  }
}

/** Best effort: without a writable cache folder the next build is simply a full one. */
export function writeManifest(cacheDir: string, outDir: string, manifest: BuildManifest): void {
  if (!makeCacheDir(cacheDir)) return;
  writeFileAtomicSync(manifestFile(cacheDir, outDir), JSON.stringify(manifest));
}
