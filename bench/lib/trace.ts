// Where a cold build's time and memory go: the per-phase trace `almanac build` writes with
// ALMANAC_TRACE set (src/publish/build/trace.ts), read back into table rows. The build's own
// timeline is the main thread and the build thread: each phase's wall and CPU time are the
// differences to the line before (the first line counts from the process's start), CPU being
// the whole process's (every thread). Worker threads' lines add their heaps.
import { existsSync, readFileSync } from 'node:fs';
import type { TraceLine as BuildTraceLine } from '../../src/publish/build/trace.js';

/** A line of the trace file as the build writes it (src/publish/build/trace.ts); `heapTotalMiB` may be missing from older traces. */
export type TraceLine = Omit<BuildTraceLine, 'heapTotalMiB'> & { heapTotalMiB?: number };

export interface PhaseRow {
  phase: string;
  thread: string;
  wallMs: number;
  cpuMs: number;
  rssMiB: number;
  /** Peak RSS of the process so far. */
  maxRssMiB: number;
  heapMiB: number;
  heapTotalMiB: number | null;
  count: number | null;
}

/** The lines of a trace file (lines that are not trace lines are skipped); [] when missing. */
export function readTrace(file: string): TraceLine[] {
  if (!existsSync(file)) return [];
  const lines: TraceLine[] = [];
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(text);
      if (isTraceLine(value)) lines.push(value);
    } catch {
      // A line cut short by a killed build.
    }
  }
  return lines;
}

function isTraceLine(value: unknown): value is TraceLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.phase === 'string' &&
    typeof line.thread === 'string' &&
    ['at', 'uptimeMs', 'cpuMs', 'rssMiB', 'maxRssMiB', 'heapMiB'].every((key) => typeof line[key] === 'number')
  );
}

const TIMELINE = new Set(['main', 'build']);

/** The build's phases in order (main and build thread), each with its own wall and CPU time. */
export function phaseRows(lines: readonly TraceLine[]): PhaseRow[] {
  const timeline = lines.filter((line) => TIMELINE.has(line.thread)).sort((a, b) => a.at - b.at);
  const rows: PhaseRow[] = [];
  let previous: TraceLine | null = null;
  for (const line of timeline) {
    rows.push({
      phase: line.phase,
      thread: line.thread,
      wallMs: previous === null ? line.uptimeMs : line.at - previous.at,
      cpuMs: previous === null ? line.cpuMs : line.cpuMs - previous.cpuMs,
      rssMiB: line.rssMiB,
      maxRssMiB: line.maxRssMiB,
      heapMiB: line.heapMiB,
      heapTotalMiB: line.heapTotalMiB ?? null,
      count: line.count ?? null,
    });
    previous = line;
  }
  return rows;
}

/** Worker threads' lines (note workers, search, writer): each one's heap when it ended a phase. */
export function workerLines(lines: readonly TraceLine[]): TraceLine[] {
  return lines.filter((line) => !TIMELINE.has(line.thread)).sort((a, b) => a.at - b.at);
}

/** The phase during which the process's peak RSS was reached (its first line at the peak). */
export function peakPhase(lines: readonly TraceLine[]): TraceLine | null {
  let peak: TraceLine | null = null;
  for (const line of [...lines].sort((a, b) => a.at - b.at)) if (peak === null || line.maxRssMiB > peak.maxRssMiB + 0.5) peak = line;
  return peak;
}
