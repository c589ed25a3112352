// Which raw problems become reported ones: the rule's severity (config, else its default)
// and the note's `%% almanac-ignore %%` comments. check and build's broken-link warnings share it.
import { RULES, type RuleId } from '../config/rules.js';
import type { Config } from '../config/schema.js';
import type { ParsedNote } from '../parse/types.js';
import type { Problem, ProblemSeverity } from './problem.js';

/** `own`: the problem's own default (a frontmatter value Almanac ignores is a warning), used when the config sets none. */
export function severityOf(rule: RuleId, config: Config, own?: ProblemSeverity): ProblemSeverity | null {
  const policy = rule === 'stale-note' || rule === 'stale-table' ? config.stale.severity : undefined;
  const severity = config.rules[rule] ?? policy ?? own ?? RULES[rule];
  return severity === 'off' ? null : severity;
}

/** `%% almanac-ignore RULE %%` on the line (or the line before), `almanac-ignore-file` anywhere. */
export function isSuppressed(note: ParsedNote | undefined, problem: Pick<Problem, 'rule' | 'line'>): boolean {
  if (!note) return false;
  return note.suppressions.some(
    (entry) => (entry.line === 0 || entry.line === problem.line) && (entry.rules.length === 0 || entry.rules.includes(problem.rule)),
  );
}
