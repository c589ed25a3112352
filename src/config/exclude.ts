// `site.exclude`: vault-relative globs of notes and files never published, matched with
// picomatch (the matcher tinyglobby uses for `ignore`), case-insensitively. A folder name
// means everything under it; a note may be named with or without `.md`.
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE, excludePlace } from './load.js';
import type { SiteOptions } from './site.js';

export interface Excluder {
  /** Whether a vault-relative path (note or attachment) is excluded. */
  excludes(path: string): boolean;
  /** Indexes of the entries that match none of `paths`. */
  unmatched(paths: Iterable<string>): number[];
}

/**
 * The globs an entry stands for: `Private`, `Private/`, `./Private`, `/Private` →
 * `Private`, `Private/**`, `Private.md`. An entry that is only `.` or `/` means the whole vault.
 */
export function excludePatterns(entry: string): string[] {
  const cleaned = entry
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/|\/)+/, '')
    .replace(/\/+$/, '');
  if (cleaned === '' || cleaned === '.') return ['**'];
  const patterns = [cleaned, `${cleaned}/**`];
  if (!/\.md$/i.test(cleaned)) patterns.push(`${cleaned}.md`);
  return patterns;
}

export function createExcluder(entries: readonly string[]): Excluder {
  const matchers = entries.map((entry) => picomatch(excludePatterns(entry), { nocase: true, dot: true }));
  return {
    excludes: (path) => matchers.some((matches) => matches(path)),
    unmatched(paths) {
      const hit = new Set<number>();
      for (const path of paths) {
        matchers.forEach((matches, index) => {
          if (!hit.has(index) && matches(path)) hit.add(index);
        });
        if (hit.size === matchers.length) break;
      }
      return matchers.flatMap((_matches, index) => (hit.has(index) ? [] : [index]));
    },
  };
}

export interface UnmatchedExclude {
  entry: string;
  /** The config file, relative to the vault (`../almanac.yaml`), or `almanac.yaml` when unknown. */
  file: string;
  line: number;
  message: string;
}

/** `site.exclude` entries that match none of `paths` (vault-relative notes and attachments), placed in the config file. */
export function unmatchedExcludes(site: SiteOptions, vaultRoot: string, paths: Iterable<string>): UnmatchedExclude[] {
  return createExcluder(site.exclude)
    .unmatched(paths)
    .map((index) => {
      const entry = site.exclude[index] ?? '';
      const place = excludePlace(site, index);
      return {
        entry,
        file: place ? relative(vaultRoot, place.file).split(sep).join('/') : CONFIG_FILE,
        line: place?.line ?? 1,
        message: `site.exclude entry \`${entry}\` matches no note or file in the vault`,
      };
    });
}
