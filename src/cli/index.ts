// The CLI: flags in, one typed options object, the library called, errors reported here.
import { cac, type CAC } from 'cac';
import { AlmanacError, ConfigError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { runCheckCommand, type CheckFlags } from './check.js';
import { registerRefreshCommand } from './refresh.js';
import { registerBuildCommand } from './build.js';
import { registerServeCommand } from './serve.js';
import { commandHint, helpCommand, helpSections, unknownOptionMessage } from './help.js';

export async function main(argv: string[]): Promise<void> {
  const cli = cac('almanac');
  cli.option('--config <path>', 'Config file (default: ./almanac.yaml)');
  cli.option('--vault <dir>', 'Vault folder; without --config, no config file is needed');

  cli
    .command('check', 'Check cross-references, frontmatter and dates in the vault')
    .option('--format <format>', 'pretty | json | github | sarif', { default: 'pretty' })
    .option('--today <date>', 'Date (YYYY-MM-DD) that date-based rules treat as today')
    .option('--strict', 'Exit 1 on warnings too')
    .option('--changed-since <ref>', 'Limit note-level date rules to notes changed since this git ref')
    .option('--no-cache', 'Parse every note again (ignore .almanac/cache)')
    .example('  $ almanac check')
    .example('  $ almanac check --format github --changed-since origin/main')
    .example('  $ almanac check --today 2026-06-01 --strict')
    .action(async (flags: CheckFlags) => {
      process.exitCode = await runCheckCommand(flags);
    });

  registerRefreshCommand(cli);
  registerBuildCommand(cli);
  registerServeCommand(cli);

  cli.example('  $ almanac check                        # links, frontmatter and dates');
  cli.example('  $ almanac check --format github        # annotations in GitHub Actions');
  cli.example('  $ almanac refresh --check              # would any data table change?');
  cli.example('  $ almanac build --base /almanac/       # the site, for sub-path hosting');
  cli.example('  $ almanac serve                        # preview with live reload');
  cli.help((sections) => helpSections(cli, sections));
  cli.version(VERSION);
  try {
    cli.parse(['node', 'almanac', ...argv], { run: false });
    if (!cli.matchedCommand) {
      if (cli.options.help || cli.options.version) return;
      throw new UsageError(argv.length === 0 ? 'No command given.' : `Unknown command: ${argv[0] ?? ''}${commandHint(cli, argv[0] ?? '')}`);
    }
    await cli.runMatchedCommand();
  } catch (error) {
    process.exitCode = report(error, cli);
  }
}

function report(error: unknown, cli: CAC): number {
  const usage = `Run \`${helpCommand(cli.matchedCommand)}\` for usage.\n`;
  if (error instanceof ConfigError || error instanceof UsageError) {
    process.stderr.write(`almanac: ${error.message}\n`);
    if (error instanceof UsageError) process.stderr.write(usage);
    return 2;
  }
  if (error instanceof Error && error.name === 'CACError') {
    process.stderr.write(`almanac: ${unknownOptionMessage(cli, error.message)}\n${usage}`);
    return 2;
  }
  if (error instanceof AlmanacError) {
    process.stderr.write(`almanac: ${error.message}\n`);
    return 1;
  }
  process.stderr.write(`almanac: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
