// check: every cross-reference problem in a vault, as data.
import type { Vault } from '../vault/load.js';
import { resolveLinks, type LinkGraph } from '../resolve/index.js';
import { RULES, type RuleId } from '../config/rules.js';
import { defaultConfig, type Config } from '../config/schema.js';
import type { ParsedNote } from '../parse/types.js';
import type { CheckResult, Problem, ProblemSeverity } from './problem.js';
import { Suggester } from './suggest.js';
import { duplicateBlockProblems, frontmatterProblems, linkProblem, orphanProblem, type RawProblem } from './rules.js';

export type { CheckResult, CheckSummary, Problem, ProblemSeverity } from './problem.js';

export interface CheckOptions {
  config?: Config | null | undefined;
  /** Links already resolved for this vault (one resolution per run). */
  graph?: LinkGraph | null | undefined;
  /** `YYYY-MM-DD` that date-based rules treat as today. */
  today?: string | null | undefined;
}

export function check(vault: Vault, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? defaultConfig();
  const graph = options.graph ?? resolveLinks(vault);
  const names = new Suggester(vault.notes.flatMap((note) => [note.name, note.title]));
  const raw: RawProblem[] = [];
  for (const note of vault.notes) {
    raw.push(...frontmatterProblems(note, config));
    for (const resolved of graph.outgoing.get(note.path) ?? []) {
      const problem = linkProblem(resolved, graph, names);
      if (problem) raw.push(problem);
    }
    raw.push(...duplicateBlockProblems(note));
    const orphan = orphanProblem(note, graph);
    if (orphan) raw.push(orphan);
  }
  const notes = new Map(vault.notes.map((note) => [note.path, note]));
  const problems: Problem[] = [];
  for (const problem of raw) {
    const severity = severityOf(problem.rule, config);
    if (severity === null) continue;
    if (isSuppressed(notes.get(problem.file), problem)) continue;
    problems.push({ ...problem, severity });
  }
  problems.sort(compareProblems);
  return {
    summary: {
      notes: vault.notes.length,
      links: graph.links.length,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      infos: problems.filter((problem) => problem.severity === 'info').length,
    },
    problems,
  };
}

function severityOf(rule: RuleId, config: Config): ProblemSeverity | null {
  const severity = config.rules[rule] ?? RULES[rule];
  return severity === 'off' ? null : severity;
}

/** `%% almanac-ignore RULE %%` on the line (or the line before), `almanac-ignore-file` anywhere. */
function isSuppressed(note: ParsedNote | undefined, problem: RawProblem): boolean {
  if (!note) return false;
  return note.suppressions.some((entry) => (entry.line === 0 || entry.line === problem.line) && (entry.rules.length === 0 || entry.rules.includes(problem.rule)));
}

function compareProblems(a: Problem, b: Problem): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
