// One measured command: a child `node …` process, its wall time and peak RSS.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, which also counts the child's own
// children) or, without it, from a preloaded hook reading process.resourceUsage().
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { endedChildrenCpuSeconds } from './procfs.js';

export interface Measurement {
  ok: boolean;
  seconds: number;
  /** Peak resident set size, MiB; null when it could not be read. */
  rssMiB: number | null;
  /** User + system CPU seconds of the command and its children (threads included); null without /proc. */
  cpuSeconds?: number | null;
  /** Why it failed: exit code or signal and the end of stderr. */
  error?: string;
}

export interface Command {
  /** Arguments to `node`. */
  args: string[];
  cwd: string;
  timeoutSeconds: number;
  /** Exit codes that count as success (default [0]). */
  okCodes?: number[];
  /** Ends the command (and everything it started) when aborted. */
  signal?: AbortSignal;
  /** Added to the environment (ALMANAC_TRACE for a cold build). */
  env?: Record<string, string>;
}

const GNU_TIME = '/usr/bin/time';
const RSS_HOOK = pathToFileURL(join(fileURLToPath(new URL('.', import.meta.url)), 'peak-rss.mjs')).href;
const STDERR_TAIL = 4000;

export const rssSource = (): string =>
  existsSync(GNU_TIME) ? '/usr/bin/time -f %M (the command and its children)' : 'process.resourceUsage().maxRSS of the node process';

export async function measure(command: Command): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'almanac-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const file = useTime ? GNU_TIME : process.execPath;
  const args = useTime ? ['-f', '%M', '-o', rssFile, process.execPath, ...command.args] : ['--import', RSS_HOOK, ...command.args];
  try {
    const cpuBefore = endedChildrenCpuSeconds();
    const started = performance.now();
    const outcome = await runChild(file, args, command, rssFile);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = endedChildrenCpuSeconds();
    const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    const rssMiB = readRss(rssFile);
    const okCodes = command.okCodes ?? [0];
    const crashed = /unexpected error/.test(outcome.stderr);
    if (outcome.code !== null && okCodes.includes(outcome.code) && !crashed) return { ok: true, seconds, rssMiB, cpuSeconds };
    if (command.signal?.aborted) return { ok: false, seconds, rssMiB, cpuSeconds, error: 'interrupted' };
    const why = outcome.timedOut
      ? `timed out after ${command.timeoutSeconds} s`
      : outcome.code === null
        ? `killed by ${outcome.signal ?? 'a signal'}`
        : `exit ${outcome.code}`;
    return { ok: false, seconds, rssMiB, cpuSeconds, error: `${why}: ${lastLines(outcome.stderr)}` };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
}

function runChild(file: string, args: string[], command: Command, rssFile: string): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    // Own process group, so a timeout ends the command and everything it started.
    const child = spawn(file, args, {
      cwd: command.cwd,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...command.env, NO_COLOR: '1', BENCH_RSS_FILE: rssFile },
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, command.timeoutSeconds * 1000);
    const abort = (): void => killGroup(child.pid);
    command.signal?.addEventListener('abort', abort, { once: true });
    if (command.signal?.aborted) abort();
    child.on('error', (error) => {
      clearTimeout(timer);
      command.signal?.removeEventListener('abort', abort);
      resolve({ code: null, signal: null, stderr: `${stderr}\n${error.message}`, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      command.signal?.removeEventListener('abort', abort);
      resolve({ code, signal, stderr, timedOut });
    });
  });
}

export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function readRss(file: string): number | null {
  if (!existsSync(file)) return null;
  // GNU time writes "Command exited with non-zero status N" first on failure.
  const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const kib = Number(last.trim());
  return Number.isFinite(kib) && kib > 0 ? kib / 1024 : null;
}

/** The error line of stderr (`almanac: …`, `Error: …`), else its last lines. */
function lastLines(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const error = lines.find((line) => /^almanac:|^\[11ty\].*(error|Error)|^\w*Error\b|^Error:/.test(line));
  return (error ?? lines.slice(-3).join(' | ')).slice(0, 400) || '(no stderr)';
}
