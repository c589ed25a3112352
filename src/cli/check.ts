// `almanac check`: flags → readProject + runCheck (the library) → the report and exit code.
import { appendFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { readProject } from '../project/index.js';
import { runCheck } from '../check/index.js';
import { formatResult, isFormat, FORMATS } from '../report/index.js';
import { formatStepSummary } from '../report/step-summary.js';
import { VERSION } from '../version.js';
import { parseToday } from './dates.js';

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
  const project = await readProject({ config: flags.config, vault: flags.vault });
  const result = await runCheck(project, { today, changedSince: flags.changedSince, cache: flags.cache !== false });
  const prefix = project.repoPrefix;
  process.stdout.write(
    formatResult(result, flags.format, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, pathPrefix: prefix, version: VERSION }),
  );
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, formatStepSummary(result, { pathPrefix: prefix }));
  const failed = result.summary.errors > 0 || (flags.strict === true && result.summary.warnings > 0);
  return failed ? 1 : 0;
}
