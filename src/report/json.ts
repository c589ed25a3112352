// Stable JSON: {"summary":{…},"problems":[…]} with keys in a fixed order.
import type { CheckResult } from '../check/problem.js';

export function formatJson(result: CheckResult): string {
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
  const { notes, links, errors, warnings, infos } = result.summary;
  return JSON.stringify({ summary: { notes, links, errors, warnings, infos }, problems }, null, 2) + '\n';
}
