// One benchmark at a time: two runs on the same machine spoil each other's times and
// edit the same notes under bench/vaults/. Also clears what killed runs left behind.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './paths.js';

const LOCK = join(OUT, 'bench.lock');

/** Takes the lock, or returns the pid of the live run that holds it. */
export function takeLock(): number | null {
  mkdirSync(OUT, { recursive: true });
  const holder = existsSync(LOCK) ? Number(readFileSync(LOCK, 'utf8').trim()) : NaN;
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) return holder;
  writeFileSync(LOCK, `${process.pid}\n`);
  for (const entry of readdirSync(OUT)) {
    const pid = /^almanac-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(join(OUT, entry), { recursive: true, force: true });
  }
  return null;
}

export function releaseLock(): void {
  if (existsSync(LOCK) && readFileSync(LOCK, 'utf8').trim() === String(process.pid)) rmSync(LOCK, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
