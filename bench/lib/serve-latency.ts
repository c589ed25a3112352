// "In `almanac serve`, a saved edit to one note is on disk in its page ≤ 500 ms later":
// start serve, append a unique line to one note, poll that note's page until the line
// is in it. The first edit only finds the page (and warms up); the next ones are timed.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles, sleep } from './files.js';
import { killGroup } from './measure.js';
import { waitIdle } from './procfs.js';
import type { Project } from './projects.js';
import type { BenchVault } from './vaults.js';

export interface ServeResult {
  vault: string;
  note: string;
  ok: boolean;
  error?: string;
  /** From start to "Serving …" (the initial build, warm cache). */
  startupSeconds: number | null;
  /** Write of the edit → the new text found in the page file, per timed edit. */
  latenciesMs: number[];
  medianMs: number | null;
  /** What serve itself logged per update ("… 1 page in N ms"). */
  loggedMs: number[];
  page: string | null;
}

export interface ServeOptions {
  /** Aborted on Ctrl-C / SIGTERM: serve is stopped and the measurement given up. */
  signal: AbortSignal;
  /** bin/almanac.js to run. */
  bin: string;
  edits: number;
  timeoutSeconds: number;
  work: string;
  log: (line: string) => void;
}

const POLL_MS = 5;
const EDIT_TIMEOUT_MS = 30_000;

export async function measureServe(vault: BenchVault, project: Project, options: ServeOptions): Promise<ServeResult> {
  const outDir = join(options.work, vault.label, 'serve-site');
  rmSync(outDir, { recursive: true, force: true });
  const notePath = join(vault.dir, vault.editNote);
  const original = readFileSync(notePath);
  const result: ServeResult = {
    vault: vault.label,
    note: vault.editNote,
    ok: false,
    startupSeconds: null,
    latenciesMs: [],
    medianMs: null,
    loggedMs: [],
    page: null,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [options.bin, 'serve', '--port', '0', '--out', outDir], {
    cwd: project.dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  let exited = false;
  let logged: number[] | null = null;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const match of chunk.matchAll(/ in (\d+) ms$/gm)) logged?.push(Number(match[1]));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exit = new Promise<void>((resolve) => child.on('close', () => resolve()));
  void exit.then(() => (exited = true));
  const pid = child.pid;
  const abort = (): void => killGroup(pid, 'SIGTERM');
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    if (pid === undefined) throw new Error('could not start almanac serve');
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    while (!/^Serving /m.test(stdout)) {
      if (exited) throw new Error(`serve exited before it was ready: ${stderr.trim().split('\n').slice(-2).join(' | ')}`);
      if (Date.now() > deadline) throw new Error(`serve not ready after ${options.timeoutSeconds} s`);
      await sleep(100);
    }
    result.startupSeconds = (performance.now() - started) / 1000;
    options.log(`  serve on ${vault.label} ready in ${result.startupSeconds.toFixed(1)} s; editing ${vault.editNote}`);
    await waitIdle(pid);

    const locator = marker('locate');
    appendFileSync(notePath, `\n${locator}\n`);
    const page = await findPage(outDir, locator, vault.editNote);
    if (page === null) throw new Error(`no page showed the edit of ${vault.editNote} within ${EDIT_TIMEOUT_MS / 1000} s`);
    result.page = page.slice(outDir.length + 1);
    await waitIdle(pid);
    logged = result.loggedMs;

    for (let edit = 1; edit <= options.edits; edit++) {
      const text = marker(`edit-${edit}`);
      const written = performance.now();
      appendFileSync(notePath, `\n${text}\n`);
      const seen = await pollFor(page, text, EDIT_TIMEOUT_MS, options.signal);
      if (options.signal.aborted) throw new Error('interrupted');
      if (!seen) throw new Error(`edit ${edit} not in ${result.page} after ${EDIT_TIMEOUT_MS / 1000} s`);
      const ms = performance.now() - written;
      result.latenciesMs.push(ms);
      options.log(`  serve edit ${edit}/${options.edits}: on disk after ${ms.toFixed(0)} ms`);
      await waitIdle(pid);
    }
    result.ok = true;
    result.medianMs = median(result.latenciesMs);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    options.signal.removeEventListener('abort', abort);
    logged = null;
    writeFileSync(notePath, original);
    if (!exited) {
      if (pid !== undefined) await waitIdle(pid, { graceMs: 500, maxMs: 30_000 });
      killGroup(pid, 'SIGTERM');
      const stopped = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!stopped) killGroup(pid, 'SIGKILL');
      await exit;
    }
  }
  return result;
}

const marker = (what: string): string => `Benchmark serve ${what} ${Math.random().toString(36).slice(2, 10)}`;

async function pollFor(file: string, text: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && !signal.aborted) {
    try {
      if (readFileSync(file, 'utf8').includes(text)) return true;
    } catch {
      // Being replaced right now.
    }
    await sleep(POLL_MS);
  }
  return false;
}

/** The page that shows `text`; when several do (embeds), the one titled like the note. */
async function findPage(outDir: string, text: string, note: string): Promise<string | null> {
  const title = note.replace(/^.*\//, '').replace(/\.md$/i, '');
  const deadline = Date.now() + EDIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const hits = htmlFiles(outDir).filter((file) => readFileSync(file, 'utf8').includes(text));
    if (hits.length > 0) return hits.find((file) => (/<title>([^<]*)<\/title>/.exec(readFileSync(file, 'utf8'))?.[1] ?? '').includes(title)) ?? hits[0] ?? null;
    await sleep(250);
  }
  return null;
}

export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
