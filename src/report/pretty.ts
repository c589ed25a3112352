// Human output: `file:line:col  severity  message  rule`, grouped by file, a summary line.
import { createColors } from 'picocolors';
import type { CheckResult, Problem } from '../check/problem.js';

export interface PrettyOptions {
  color?: boolean;
}

export function formatPretty(result: CheckResult, options: PrettyOptions = {}): string {
  const c = createColors(options.color ?? false);
  const paint = (problem: Problem): string =>
    problem.severity === 'error' ? c.red('error  ') : problem.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
  const lines: string[] = [];
  let file = '';
  for (const problem of result.problems) {
    if (problem.file !== file) {
      if (file !== '') lines.push('');
      file = problem.file;
      lines.push(c.underline(file));
    }
    const where = `${problem.file}:${problem.line}:${problem.column}`;
    const suggestion = problem.suggestion ? c.dim(` → ${problem.suggestion}`) : '';
    lines.push(`  ${where}  ${paint(problem)}  ${problem.message}${suggestion}  ${c.dim(problem.rule)}`);
  }
  if (lines.length > 0) lines.push('');
  const { notes, links, errors, warnings, infos } = result.summary;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
  const mark = errors > 0 ? c.red('✖') : warnings > 0 ? c.yellow('⚠') : c.green('✔');
  lines.push(`${mark} ${counts} in ${plural(notes, 'note')} and ${plural(links, 'link')}`);
  return lines.join('\n') + '\n';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
