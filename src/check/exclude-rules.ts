// `unmatched-exclude`: a `site.exclude` entry that matches no note or attachment, reported
// in almanac.yaml (its path relative to the vault). `build` warns about the same entries.
import type { Config } from '../config/schema.js';
import { unmatchedExcludes } from '../config/exclude.js';
import type { Vault } from '../vault/load.js';
import type { RawProblem } from './rules.js';

export function excludeProblems(vault: Vault, config: Config): RawProblem[] {
  if (config.site.exclude.length === 0) return [];
  const paths = [...vault.notes.map((note) => note.path), ...vault.attachments];
  return unmatchedExcludes(config.site, vault.root, paths).map(({ file, line, message }) => ({ rule: 'unmatched-exclude', file, line, column: 1, message }));
}
