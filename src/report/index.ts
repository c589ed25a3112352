import type { CheckResult } from '../check/problem.js';
import type { Diagnostic } from '../diagnostic.js';
import { formatDiagnostic, formatDiagnostics, formatPretty } from './pretty.js';
import { formatJson } from './json.js';
import { formatGithub } from './github.js';
import { formatSarif } from './sarif.js';

export const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  color?: boolean;
  /** Vault folder relative to the repository root, with a trailing slash (github, sarif). */
  pathPrefix?: string;
  version?: string;
}

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export function formatResult(result: CheckResult, format: Format, options: FormatOptions = {}): string {
  switch (format) {
    case 'pretty':
      return formatPretty(result, options);
    case 'json':
      return formatJson(result);
    case 'github':
      return formatGithub(result, options);
    case 'sarif':
      return formatSarif(result, options);
  }
}

/** Diagnostics without a check summary (build's warnings, refresh's problems) in `format`. */
export function formatDiagnosticsAs(diagnostics: readonly Diagnostic[], format: Format, options: FormatOptions = {}): string {
  switch (format) {
    case 'pretty':
      return formatDiagnostics(diagnostics, options);
    case 'json':
      return formatJson({ problems: diagnostics });
    case 'github':
      return formatGithub({ problems: diagnostics }, options);
    case 'sarif':
      return formatSarif({ problems: diagnostics }, options);
  }
}

export { formatPretty, formatJson, formatGithub, formatSarif, formatDiagnostic, formatDiagnostics };
