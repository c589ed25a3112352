// Markdown for $GITHUB_STEP_SUMMARY: counts by rule, then stale notes by days overdue.
import type { CheckResult } from '../check/problem.js';
import { describeDuration } from '../stale/index.js';

export interface StepSummaryOptions {
  /** Vault folder relative to the repository root, with a trailing slash. */
  pathPrefix?: string;
  /** Most stale rows listed before "and N more". */
  limit?: number;
}

export function formatStepSummary(result: CheckResult, options: StepSummaryOptions = {}): string {
  const prefix = options.pathPrefix ?? '';
  const limit = options.limit ?? 50;
  const { notes, links, errors, warnings, infos } = result.summary;
  const out: string[] = ['## Almanac check', ''];
  out.push(`${errors === 0 ? '✅' : '❌'} **${errors}** errors, **${warnings}** warnings, ${infos} info in ${notes} notes and ${links} links.`, '');
  const counts = new Map<string, { severity: string; count: number }>();
  for (const problem of result.problems) {
    const entry = counts.get(problem.rule) ?? { severity: problem.severity, count: 0 };
    entry.count++;
    counts.set(problem.rule, entry);
  }
  if (counts.size > 0) {
    out.push('| Rule | Severity | Count |', '|---|---|---:|');
    for (const [rule, entry] of [...counts].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)))
      out.push(`| \`${rule}\` | ${entry.severity} | ${entry.count} |`);
    out.push('');
  }
  const stale = result.stale ?? [];
  if (stale.length > 0) {
    out.push(`### Stale notes (${stale.length})`, '', '| Note | Type | Updated | Policy | Days overdue |', '|---|---|---|---|---:|');
    for (const entry of stale.slice(0, limit)) {
      const policy = entry.maxAge ? describeDuration(entry.maxAge) : '';
      out.push(`| ${cell(entry.title)} (\`${cell(prefix + entry.path)}\`) | ${entry.type ?? ''} | ${entry.date ?? ''} | ${policy} | ${entry.daysOverdue} |`);
    }
    if (stale.length > limit) out.push('', `…and ${stale.length - limit} more.`);
    out.push('');
  }
  const tables = result.staleTables ?? [];
  if (tables.length > 0) {
    out.push(`### Stale tables (${tables.length})`, '', '| Note | Feed | Refreshed | Max age | Days overdue |', '|---|---|---|---|---:|');
    for (const entry of tables.slice(0, limit))
      out.push(
        `| \`${cell(prefix + entry.path)}\`:${entry.line} | ${cell(entry.feed)} | ${entry.updated ?? 'never'} | ${describeDuration(entry.maxAge)} | ${entry.daysOverdue} |`,
      );
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
