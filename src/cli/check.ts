import { UsageError } from '../errors.js';
import { openProject } from '../project.js';
import { check } from '../check/index.js';
import { formatResult, isFormat, FORMATS } from '../report/index.js';
import { VERSION } from '../version.js';
import { parseToday } from './dates.js';

export interface CheckFlags {
  config?: string;
  vault?: string;
  format: string;
  today?: string;
  strict?: boolean;
}

export async function runCheckCommand(flags: CheckFlags): Promise<number> {
  if (!isFormat(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got “${flags.format}”)`);
  const today = parseToday(flags.today);
  const project = await openProject({ config: flags.config, vault: flags.vault });
  const result = check(project.vault, { config: project.config, graph: project.graph, today });
  const output = formatResult(result, flags.format, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, pathPrefix: project.repoPrefix, version: VERSION });
  process.stdout.write(output);
  const failed = result.summary.errors > 0 || (flags.strict === true && result.summary.warnings > 0);
  return failed ? 1 : 0;
}
