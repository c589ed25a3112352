// Problems a build reports but survives (unless `strict`): links that go nowhere, notes left
// out as private by doubt, files skipped. Each is a Diagnostic (src/diagnostic.ts) whose
// severity is the build's: a warning, or with --strict the error that stops it.
import type { Config } from '../../config/schema.js';
import type { ParsedNote } from '../../parse/types.js';
import type { LinkGraph } from '../../resolve/index.js';
import { brokenLinkProblems } from '../../check/broken-links.js';
import type { RawDiagnostic } from '../../diagnostic.js';
import { formatDiagnostic, formatDiagnostics } from '../../report/pretty.js';

export type BuildWarning = RawDiagnostic;

/**
 * Every broken link `check` reports in the published notes, frontmatter links included, in
 * check's words and with its suggestions (rules set to `off` and `almanac-ignore` comments drop them).
 */
export function brokenLinkWarnings(published: readonly ParsedNote[], vault: readonly ParsedNote[], graph: LinkGraph, config: Config): BuildWarning[] {
  return brokenLinkProblems(published, vault, graph, config).map(({ severity: _severity, ...warning }) => warning);
}

/** `A.md:1:10  warning  No note or file named “Nowhere”  unresolved-link`, as check prints it. */
export function formatWarning(warning: BuildWarning, options: { color?: boolean; pathPrefix?: string } = {}): string {
  return formatDiagnostic({ ...warning, severity: 'warning' }, options);
}

/** Warnings grouped by file, as `check` prints its problems. */
export function formatWarnings(warnings: readonly BuildWarning[], options: { color?: boolean; pathPrefix?: string } = {}): string {
  return formatDiagnostics(
    warnings.map((warning) => ({ ...warning, severity: 'warning' as const })),
    options,
  );
}
