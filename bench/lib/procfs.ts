// CPU time of a process and all its descendants, from /proc (Linux), to tell when
// `almanac serve` has finished the work an edit set off (page writes, search re-index).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { sleep } from './files.js';

let ticksPerSecond: number | null = null;

/**
 * CPU seconds (user + system) of this process's children that have ended and been waited for:
 * cutime + cstime of /proc/self/stat. Read before and after one child, the difference is that
 * child's CPU time with everything it waited for (worker threads included); null without /proc.
 */
export function endedChildrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) / ticksPerSecond;
}

/** utime + stime + cutime + cstime of `pid` and every live descendant, in clock ticks; null without /proc. */
export function treeCpuTicks(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  let total = 0;
  const seen = new Set<number>();
  const visit = (at: number): void => {
    if (seen.has(at)) return;
    seen.add(at);
    total += ownTicks(at);
    for (const child of children(at)) visit(child);
  };
  visit(pid);
  return total;
}

function ownTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime..cstime are fields 14..17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list !== '') found.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // Exited meanwhile.
  }
  return found;
}

/**
 * Waits until the process tree has used at most `quietTicks` of CPU a second for
 * `quietSeconds` seconds in a row, after a first pause of `graceMs`. The quiet stretch
 * is longer than serve's 1 s search re-index delay, so that re-index is waited for too.
 * Without /proc, just waits `fallbackMs`. False when `maxMs` runs out first.
 */
export async function waitIdle(pid: number, { graceMs = 1500, quietTicks = 5, quietSeconds = 3, maxMs = 180_000, fallbackMs = 10_000 } = {}): Promise<boolean> {
  await sleep(graceMs);
  let last = treeCpuTicks(pid);
  if (last === null) {
    await sleep(fallbackMs);
    return true;
  }
  const deadline = Date.now() + maxMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    await sleep(1000);
    const now = treeCpuTicks(pid);
    if (now === null) return false;
    quiet = now - last <= quietTicks ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietSeconds) return true;
  }
  return false;
}
