// Human output: `file:line:col  severity  message → suggestion  rule`, grouped by file. check,
// build and refresh print their diagnostics with it; check adds a summary line.
import { createColors } from 'picocolors';
import type { CheckResult } from '../check/problem.js';
import type { Diagnostic } from '../diagnostic.js';

export interface PrettyOptions {
  color?: boolean;
  /** Put before each path, e.g. the vault folder relative to the current one (`notes/`). */
  pathPrefix?: string;
}

/** One diagnostic on one line: `notes/A.md:3:10  error  No note or file named “B”  unresolved-link`. */
export function formatDiagnostic(diagnostic: Diagnostic, options: PrettyOptions = {}): string {
  const c = createColors(options.color ?? false);
  const severity = diagnostic.severity === 'error' ? c.red('error  ') : diagnostic.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
  const where = `${options.pathPrefix ?? ''}${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const suggestion = diagnostic.suggestion ? c.dim(` → ${diagnostic.suggestion}`) : '';
  return `${where}  ${severity}  ${diagnostic.message}${suggestion}  ${c.dim(diagnostic.rule)}`;
}

/** Diagnostics grouped under their file's name (in the order given), a blank line between files. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const c = createColors(options.color ?? false);
  const lines: string[] = [];
  let file: string | null = null;
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== file) {
      if (file !== null) lines.push('');
      file = diagnostic.file;
      lines.push(c.underline(`${options.pathPrefix ?? ''}${file}`));
    }
    lines.push(`  ${formatDiagnostic(diagnostic, options)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function formatPretty(result: CheckResult, options: PrettyOptions = {}): string {
  const c = createColors(options.color ?? false);
  const body = formatDiagnostics(result.problems, { color: options.color ?? false });
  const { notes, links, errors, warnings, infos } = result.summary;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
  const mark = errors > 0 ? c.red('✖') : warnings > 0 ? c.yellow('⚠') : c.green('✔');
  return `${body}${body === '' ? '' : '\n'}${mark} ${counts} in ${plural(notes, 'note')} and ${plural(links, 'link')}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
