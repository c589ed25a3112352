// Build warnings about what the site leaves out: notes Almanac cannot tell are public
// (frontmatter that does not parse, a `publish` that is not a YAML boolean) and
// `site.exclude` entries that match nothing (a typo there would publish what it meant to hide).
import type { ParsedNote } from '../../parse/types.js';
import type { SiteOptions } from '../../config/site.js';
import { unmatchedExcludes, type Excluder } from '../../config/exclude.js';
import type { BuildWarning } from './warnings.js';

/** One warning per issue that kept a note (not excluded anyway) out of the site. */
export function privacyWarnings(notes: readonly ParsedNote[], excluded: Excluder): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  for (const note of notes) {
    if (note.publish || excluded.excludes(note.path)) continue;
    for (const issue of note.issues) {
      if (issue.unpublished) warnings.push({ file: note.path, line: issue.line, column: issue.column, rule: issue.rule, message: issue.message });
    }
  }
  return warnings;
}

/** `site.exclude` entries that match no note or attachment, placed in the config file (path relative to the vault). */
export function excludeWarnings(options: SiteOptions, vaultRoot: string, paths: Iterable<string>): BuildWarning[] {
  return unmatchedExcludes(options, vaultRoot, paths).map(({ file, line, message }) => ({ file, line, column: 1, rule: 'unmatched-exclude', message }));
}
