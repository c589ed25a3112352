import type { RuleId } from '../config/rules.js';
import type { NoteFreshness, TableFreshness } from '../stale/index.js';

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  rule: RuleId;
  severity: ProblemSeverity;
  /** Vault-relative, forward slashes. */
  file: string;
  /** 1-based, in the file as stored (frontmatter lines count). */
  line: number;
  column: number;
  /** The link as written up to the `|`, escapes removed (link problems only). */
  target?: string;
  message: string;
  suggestion?: string;
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
