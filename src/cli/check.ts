import { UsageError } from '../errors.js';
import { cacheDirOf, openProject, repoPrefix } from '../project.js';
import { loadConfig } from '../config/load.js';
import { scanVault } from '../vault/load.js';
import { readResult, resultKey, writeResult } from '../check/result-cache.js';
import type { CheckResult } from '../check/problem.js';
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
  const loaded = loadConfig({ config: flags.config, vault: flags.vault });
  const useCache = flags.cache !== false;
  const scan = await scanVault(loaded.vaultDir, { ignore: loaded.config.ignore, limits: loaded.config.limits });
  const changed = flags.changedSince ? changedSince(loaded.vaultDir, String(flags.changedSince)) : null;
  const cacheDir = cacheDirOf(loaded);
  const key = resultKey({ fingerprint: scan.fingerprint, config: loaded.config, today, changed, vaultDir: loaded.vaultDir });
  let result: CheckResult | null = useCache ? readResult(cacheDir, key) : null;
  if (!result) {
    const project = await openProject({ config: flags.config, vault: flags.vault, trees: false, cache: useCache, scan });
    const gitDates = needsGitDates(project.vault) ? lastCommitDates(project.vaultDir) : null;
    result = check(project.vault, { config: project.config, graph: project.graph, today, gitDates, changed });
    if (useCache) writeResult(cacheDir, key, result);
  }
  const prefix = repoPrefix(loaded.vaultDir);
  const output = formatResult(result, flags.format, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, pathPrefix: prefix, version: VERSION });
  process.stdout.write(output);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, formatStepSummary(result, { pathPrefix: prefix }));
  const failed = result.summary.errors > 0 || (flags.strict === true && result.summary.warnings > 0);
  return failed ? 1 : 0;
}

/** Git is asked only when some note carries no date of its own. */
function needsGitDates(vault: Vault): boolean {
  return vault.notes.some((note) => (note.frontmatter.updated === undefined || note.frontmatter.updated === null) && note.updatedMarks.length === 0);
}
