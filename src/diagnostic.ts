// One shape for every problem Almanac reports: check's problems, build's warnings,
// refresh's problems and parse issues. Modelled on unified's VFileMessage (ruleId, place,
// reason) as remark-validate-links uses it; the formatters in src/report/ print it.
import { posix } from 'node:path';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Rule id: a `check` rule (config/rules.ts), or a build or refresh one (`unsafe-attachment`, `feed-failed`…). */
  rule: string;
  severity: DiagnosticSeverity;
  /** Vault-relative, forward slashes; `almanac.yaml`'s path relative to the vault for config problems. */
  file: string;
  /** 1-based, in the file as stored (frontmatter lines count). */
  line: number;
  column: number;
  /** The link as written up to the `|`, escapes removed (link problems only). */
  target?: string;
  message: string;
  /** A replacement written in the link's own syntax, when one is close (see check/suggest.ts). */
  suggestion?: string;
}

/** A diagnostic before its severity is decided (by the config, or by the command: build warns). */
export type RawDiagnostic = Omit<Diagnostic, 'severity'>;

/** Sorted by file, line, column, rule: the order every formatter prints. */
export function compareDiagnostics(a: RawDiagnostic, b: RawDiagnostic): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** A diagnostic's file as a repository path: `notes/` + `../almanac.yaml` is `almanac.yaml`
 * (GitHub annotations and SARIF viewers attach no path that climbs with `..`). */
export function repoPath(prefix: string, file: string): string {
  return posix.normalize(`${prefix}${file}`);
}
