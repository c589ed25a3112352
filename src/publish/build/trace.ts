// Where a build's time and memory go, phase by phase, for the benchmark (bench/lib/trace.ts
// reads it). Off unless ALMANAC_TRACE names a file: then each phase's end appends one JSON
// line there — the time, the process's CPU time so far (every thread), its RSS and its peak
// RSS so far, and this thread's heap. A phase's wall and CPU time are the differences
// between its line and the one before it of the same thread; the first line of a process
// counts from the process's start. Worker threads (the build thread, the note workers) write
// their own lines, marked with their thread's name. Nothing is printed, nothing is kept.
// `node --expose-gc` with ALMANAC_TRACE_GC=1 collects garbage before each line (live heap).
import { appendFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

/** One line of the trace file. */
export interface TraceLine {
  /** The phase that just ended (scan, parse, resolve, render, plan, eleventy, write, search, swap, …). */
  phase: string;
  /** "main", or the worker's name ("build", "note 1", …). */
  thread: string;
  /** Milliseconds since the epoch (high resolution). */
  at: number;
  /** Milliseconds since the process started. */
  uptimeMs: number;
  /** User + system CPU time of the whole process so far (all threads), ms. */
  cpuMs: number;
  rssMiB: number;
  /** Peak RSS of the process so far (getrusage maxrss), MiB. */
  maxRssMiB: number;
  /** This thread's V8 heap in use, MiB. */
  heapMiB: number;
  /** This thread's V8 heap as allocated (in use and garbage not yet collected), MiB. */
  heapTotalMiB: number;
  /** Anything else the phase counts (pages, notes). */
  count?: number;
}

const MIB = 1024 * 1024;
let name: string | null = null;

/** Name this thread in the trace ("build", "note 2"); the main thread is "main". */
export function traceThread(label: string): void {
  name = label;
}

/** The trace file, or null when tracing is off. */
export function traceFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env.ALMANAC_TRACE;
  return file !== undefined && file.trim() !== '' ? file : null;
}

/** Record the end of `phase` (a no-op unless ALMANAC_TRACE is set). */
export function tracePhase(phase: string, count?: number): void {
  const file = traceFile();
  if (file === null) return;
  // Investigating: with node --expose-gc and ALMANAC_TRACE_GC=1 the heap is the live data
  // (collected first), at the cost of a full collection per line.
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (process.env.ALMANAC_TRACE_GC === '1' && typeof gc === 'function') gc();
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const line: TraceLine = {
    phase,
    thread: name ?? (isMainThread ? 'main' : `thread ${threadId}`),
    at: performance.timeOrigin + performance.now(),
    uptimeMs: process.uptime() * 1000,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: memory.rss / MIB,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    heapMiB: memory.heapUsed / MIB,
    heapTotalMiB: memory.heapTotal / MIB,
    ...(count === undefined ? {} : { count }),
  };
  try {
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  } catch {
    // A trace is for measuring: a file that cannot be written never fails a build.
  }
}
