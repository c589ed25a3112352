// `almanac refresh`: flags → RefreshOptions → refresh(); prints problems, the diff, a summary.
import { relative, sep } from 'node:path';
import type { CAC } from 'cac';
import { refresh, refreshDiagnostic, type FeedProgress, type RefreshResult } from '../refresh/index.js';
import { formatDiagnostics } from '../report/pretty.js';
import { parseToday } from './dates.js';

export interface RefreshFlags {
  config?: string;
  vault?: string;
  check?: boolean;
  feed?: string;
  offline?: boolean;
  today?: string;
  cache?: boolean;
}

export function registerRefreshCommand(cli: CAC): void {
  cli
    .command('refresh', 'Rewrite feed-backed tables in the notes from their feeds')
    .option('--check', 'Change nothing; print a diff and exit 1 if anything would change')
    .option('--feed <name>', 'Refresh only this feed')
    .option('--offline', 'Use only cached copies of HTTP feeds')
    .option('--today <date>', 'Date (YYYY-MM-DD) written into updated= (default: today)')
    .option('--no-cache', 'Parse every note again (ignore .almanac/cache)')
    .example('  $ almanac refresh --check           # print the diff, change nothing')
    .example('  $ almanac refresh --feed mag7-returns')
    .example('  $ almanac refresh --offline')
    .action(async (flags: RefreshFlags) => {
      process.exitCode = await runRefreshCommand(flags);
    });
}

export async function runRefreshCommand(flags: RefreshFlags): Promise<number> {
  const today = parseToday(flags.today);
  const progress = process.stderr.isTTY ? (event: FeedProgress) => process.stderr.write(`${progressLine(event)}\n`) : null;
  const result = await refresh({
    config: flags.config,
    vault: flags.vault,
    check: flags.check === true,
    feed: flags.feed === undefined ? null : String(flags.feed),
    offline: flags.offline === true,
    today,
    cache: flags.cache !== false,
    onProgress: progress,
  });
  const prefix = pathPrefix(result.root);
  // check's layout and words (report/pretty.ts), grouped by note.
  process.stderr.write(
    formatDiagnostics(
      result.problems.map((problem) => refreshDiagnostic(problem, prefix)),
      { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR },
    ),
  );
  if (flags.check === true) process.stdout.write(result.diff);
  process.stderr.write(`${summary(result, flags.check === true)}\n`);
  return !result.ok || (flags.check === true && result.changed) ? 1 : 0;
}

function progressLine({ index, total, report }: FeedProgress): string {
  const head = `[${index}/${total}] ${report.name}`;
  if (report.status === 'failed') return `${head}: failed: ${report.error ?? ''}`;
  return `${head}: ${report.rows} rows from ${report.via ?? 'nowhere'} for ${report.tables} table${report.tables === 1 ? '' : 's'}`;
}

function summary(result: RefreshResult, check: boolean): string {
  const count = (status: string): number => result.notes.filter((note) => note.status === status).length;
  const failed = result.feeds.filter((feed) => feed.status === 'failed').length;
  const parts = [
    `${result.feeds.length - failed} of ${result.feeds.length} feeds loaded`,
    check ? `${count('would-update')} notes would change` : `${count('updated')} notes updated`,
    `${count('unchanged')} unchanged`,
  ];
  if (count('conflict') > 0) parts.push(`${count('conflict')} skipped (changed on disk)`);
  if (count('failed') > 0) parts.push(`${count('failed')} not written (see above)`);
  return `refresh${check ? ' --check' : ''}: ${parts.join(', ')}`;
}

/** Notes are named from the current folder, so an editor can open `notes/…md:12`. */
function pathPrefix(root: string): string {
  const rel = relative(process.cwd(), root).split(sep).join('/');
  return rel === '' ? '' : `${rel}/`;
}
