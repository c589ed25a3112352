import { UsageError } from '../errors.js';
import { openProject } from '../project.js';
import { check } from '../check/index.js';
import { formatResult, isFormat, FORMATS } from '../report/index.js';
import { VERSION } from '../version.js';
import { parseToday } from './dates.js';
import { appendFileSync } from 'node:fs';
import { changedSince, lastCommitDates } from '../stale/index.js';
import { formatStepSummary } from '../report/step-summary.js';
import type { Vault } from '../vault/load.js';

export interface CheckFlags {
  config?: string;
  vault?: string;
  format: string;
  today?: string;
  strict?: boolean;
  changedSince?: string;
  cache?: boolean;
}

export async function runCheckCommand(flags: CheckFlags): Promise<number> {
  if (!isFormat(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got “${flags.format}”)`);
  const today = parseToday(flags.today);
  const project = await openProject({ config: flags.config, vault: flags.vault, trees: false, cache: flags.cache !== false });
  const changed = flags.changedSince ? changedSince(project.vaultDir, String(flags.changedSince)) : null;
  const gitDates = needsGitDates(project.vault) ? lastCommitDates(project.vaultDir) : null;
  const result = check(project.vault, { config: project.config, graph: project.graph, today, gitDates, changed });
  const output = formatResult(result, flags.format, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, pathPrefix: project.repoPrefix, version: VERSION });
  process.stdout.write(output);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, formatStepSummary(result, { pathPrefix: project.repoPrefix }));
  const failed = result.summary.errors > 0 || (flags.strict === true && result.summary.warnings > 0);
  return failed ? 1 : 0;
}

/** Git is asked only when some note carries no date of its own. */
function needsGitDates(vault: Vault): boolean {
  return vault.notes.some((note) => (note.frontmatter.updated === undefined || note.frontmatter.updated === null) && note.updatedMarks.length === 0);
}
