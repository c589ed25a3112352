import type { RuleId } from '../config/rules.js';
import type { Diagnostic, DiagnosticSeverity } from '../diagnostic.js';
import type { NoteFreshness, TableFreshness } from '../stale/index.js';

export type ProblemSeverity = DiagnosticSeverity;

/** A check problem: a Diagnostic (src/diagnostic.ts) whose rule is a configurable check rule. */
export interface Problem extends Diagnostic {
  rule: RuleId;
  severity: ProblemSeverity;
}

export interface CheckSummary {
  notes: number;
  links: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  summary: CheckSummary;
  problems: Problem[];
  /** Stale notes (not suppressed, rule on), most overdue first. */
  stale?: NoteFreshness[];
  staleTables?: TableFreshness[];
}
