// `almanac build`: flags → BuildOptions → build(); warnings and a one-line summary.
import { relative } from 'node:path';
import type { CAC } from 'cac';
import { parseToday } from './dates.js';

export interface BuildFlags {
  config?: string;
  vault?: string;
  cache?: boolean;
  out?: string;
  base?: string;
  strict?: boolean;
  force?: boolean;
  search?: boolean;
  today?: string;
}

const SHOWN_WARNINGS = 20;

export function registerBuildCommand(cli: CAC): void {
  cli
    .command('build', 'Publish the vault as a static site (default: into site/)')
    .option('--out <dir>', 'Output folder (default: `output` in almanac.yaml, site/)')
    .option('--base <path>', 'URL prefix for sub-path hosting, e.g. /almanac/ (default: `base` in almanac.yaml)')
    .option('--strict', 'Fail on any warning (broken links, notes left out as private, unmatched site.exclude entries) instead of warning')
    .option('--force', 'Build into a symlinked output folder, or one holding files Almanac did not write')
    .option('--no-search', 'Skip the search index')
    .option('--no-cache', 'Parse every note again (ignore .almanac/cache)')
    .option('--today <date>', 'Date (YYYY-MM-DD) the stale badges treat as today (default: `today` in almanac.yaml, else the real date)')
    .example('  $ almanac build')
    .example('  $ almanac build --out public --base /almanac/')
    .example('  $ almanac build --strict            # in CI: fail on broken links')
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuildCommand(flags);
    });
}

export async function runBuildCommand(flags: BuildFlags): Promise<number> {
  // Loaded on use: Eleventy is heavy and other commands never need them.
  const { BuildError, formatWarnings, NO_SITE_URL } = await import('../publish/index.js');
  const { buildIfChanged } = await import('../publish/build/build-if-changed.js');
  const { buildSummary, createProgressBar } = await import('./progress.js');
  const today = parseToday(flags.today);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : null;
  try {
    const result = await buildIfChanged({
      config: flags.config,
      vault: flags.vault,
      cache: flags.cache !== false,
      out: flags.out === undefined ? undefined : String(flags.out),
      base: flags.base === undefined ? undefined : String(flags.base),
      strict: flags.strict === true,
      force: flags.force === true,
      search: flags.search !== false,
      today,
      onProgress: bar?.update,
    });
    bar?.clear();
    // check's words and layout (report/pretty.ts): file:line:col  warning  message → suggestion  rule.
    process.stderr.write(formatWarnings(result.warnings.slice(0, SHOWN_WARNINGS), { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
    if (result.warnings.length > SHOWN_WARNINGS) process.stderr.write(`… and ${result.warnings.length - SHOWN_WARNINGS} more (almanac check lists them all)\n`);
    const notices = result.notices ?? [];
    for (const notice of notices) if (notice !== NO_SITE_URL) process.stderr.write(`almanac: ${notice}\n`);
    const rel = relative(process.cwd(), result.outDir);
    const where = rel === '' ? '.' : rel.startsWith('..') ? result.outDir : rel;
    // Without site.url: said once, on the summary's line (a site without a feed is no problem to warn about).
    const unwritten = notices.includes(NO_SITE_URL) ? ' (no feed.xml or sitemap.xml: they need site.url in almanac.yaml)' : '';
    process.stdout.write(`${buildSummary(result)} → ${where}/${unwritten}\n`);
    return 0;
  } catch (error) {
    bar?.clear();
    if (error instanceof BuildError) {
      process.stderr.write(`almanac: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
