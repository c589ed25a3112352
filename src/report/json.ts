// Stable JSON: {"summary":{…},"problems":[…]} with keys in a fixed order (no summary for
// build's and refresh's diagnostics, which come without one).
import type { CheckSummary } from '../check/problem.js';
import type { Diagnostic } from '../diagnostic.js';

export function formatJson(result: { summary?: CheckSummary; problems: readonly Diagnostic[] }): string {
  const problems = result.problems.map((problem) => ({
    rule: problem.rule,
    severity: problem.severity,
    file: problem.file,
    line: problem.line,
    column: problem.column,
    ...(problem.target !== undefined ? { target: problem.target } : {}),
    message: problem.message,
    ...(problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {}),
  }));
  if (!result.summary) return `${JSON.stringify({ problems }, null, 2)}\n`;
  const { notes, links, errors, warnings, infos } = result.summary;
  return `${JSON.stringify({ summary: { notes, links, errors, warnings, infos }, problems }, null, 2)}\n`;
}
