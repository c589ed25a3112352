// `almanac serve`: flags → ServeOptions → serve(); logs rebuilds until Ctrl-C.
import type { CAC } from 'cac';
import { UsageError } from '../errors.js';
import type { ServeEvent } from '../publish/serve/serve.js';
import { parseToday } from './dates.js';

export interface ServeFlags {
  config?: string;
  vault?: string;
  cache?: boolean;
  out?: string;
  base?: string;
  port?: string | number;
  host?: string;
  search?: boolean;
  force?: boolean;
  today?: string;
}

export function registerServeCommand(cli: CAC): void {
  cli
    .command('serve', 'Build the site, serve it locally and rebuild what changes when a note is saved')
    .option('--out <dir>', 'Output folder (default: `output` in almanac.yaml, site/)')
    .option('--base <path>', 'URL prefix, e.g. /almanac/ (default: `base` in almanac.yaml)')
    .option('--port <port>', 'Port (default: 4321; 0 picks a free one)')
    .option('--host <host>', 'Address to listen on (default: 127.0.0.1)')
    .option('--no-search', 'Skip the search index')
    .option('--no-cache', 'Parse every note again (ignore .almanac/cache)')
    .option('--force', 'Build into a symlinked output folder, or one holding files Almanac did not write')
    .option('--today <date>', 'Date (YYYY-MM-DD) the stale badges treat as today (default: `today` in almanac.yaml, else the real date)')
    .example('  $ almanac serve')
    .example('  $ almanac serve --port 8080 --host 0.0.0.0   # reachable from other machines')
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServeCommand(flags);
    });
}

export async function runServeCommand(flags: ServeFlags): Promise<number> {
  const port = flags.port === undefined ? 4321 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got “${String(flags.port)}”)`);
  const today = parseToday(flags.today);
  // Loaded on use: Eleventy and chokidar are heavy and other commands never need them.
  const { serve } = await import('../publish/serve/serve.js');
  const { buildSummary } = await import('./progress.js');
  const log = logger(buildSummary);
  const host = flags.host === undefined ? undefined : String(flags.host);
  const handle = await serve({
    config: flags.config,
    vault: flags.vault,
    cache: flags.cache !== false,
    out: flags.out === undefined ? undefined : String(flags.out),
    base: flags.base === undefined ? undefined : String(flags.base),
    host,
    port,
    search: flags.search !== false,
    force: flags.force === true,
    today,
    onEvent: log,
  }).catch((error: unknown) => {
    throw listenError(error, host ?? '127.0.0.1');
  });
  process.stdout.write(`Serving ${handle.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      handle.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function logger(buildSummary: (result: { pages: number; notes: number; seconds: number; warnings: unknown[] }) => string): (event: ServeEvent) => void {
  return (event) => {
    const time = new Date().toTimeString().slice(0, 8);
    if (event.type === 'built') process.stdout.write(`${buildSummary(event.result)}\n`);
    else if (event.type === 'page') process.stdout.write(`${time} ${event.changed}: its page in ${(event.seconds * 1000).toFixed(0)} ms\n`);
    else if (event.type === 'updated')
      process.stdout.write(
        `${time} ${event.changed.join(', ')}: ${event.pages.length} ${event.pages.length === 1 ? 'page' : 'pages'} in ${(event.seconds * 1000).toFixed(0)} ms\n`,
      );
    else if (event.type === 'rebuilt') process.stdout.write(`${time} ${event.changed.join(', ')}: rebuilt the site, ${buildSummary(event.result)}\n`);
    else process.stderr.write(`${time} almanac serve: ${event.error instanceof Error ? event.error.message : String(event.error)}\n`);
  };
}

/** Codes of a --host this machine cannot listen on: a usage error, not a crash. */
const HOST_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EADDRNOTAVAIL', 'EINVAL']);

function listenError(error: unknown, host: string): unknown {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (!HOST_ERRORS.has(code)) return error;
  return new UsageError(`--host ${host}: not an address of this machine (${code})`, { cause: error });
}
