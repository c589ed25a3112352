// (CLI: terminal output.) A one-line progress bar for long builds on a terminal. It only draws once a build
// has run for a moment, so quick builds print just their summary.
import type { BuildProgress } from '../publish/build/build-options.js';

export interface ProgressBar {
  update: (progress: BuildProgress) => void;
  /** Erase the bar (before printing the summary). */
  clear: () => void;
}

const LABELS: Record<BuildProgress['phase'], string> = {
  load: 'Reading the vault',
  render: 'Rendering notes',
  write: 'Writing pages',
  search: 'Indexing for search',
};
const WIDTH = 24;

export function createProgressBar(stream: NodeJS.WriteStream, options: { delayMs?: number; intervalMs?: number } = {}): ProgressBar {
  const started = Date.now();
  const delay = options.delayMs ?? 400;
  const interval = options.intervalMs ?? 60;
  let last = 0;
  let drawn = false;
  let latest: BuildProgress | null = null;
  const draw = (progress: BuildProgress): void => {
    last = Date.now();
    drawn = true;
    stream.write(`\r\x1b[2K${renderBar(progress, stream.columns ?? 80)}`);
  };
  // A phase that reports once (reading the vault) still shows once the delay is over.
  const timer = setTimeout(() => {
    if (latest && !drawn) draw(latest);
  }, delay);
  timer.unref();
  return {
    update(progress) {
      latest = progress;
      const now = Date.now();
      const final = progress.total > 0 && progress.done === progress.total;
      if (now - started < delay || (!final && now - last < interval && progress.done !== 0)) return;
      draw(progress);
    },
    clear() {
      clearTimeout(timer);
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

export function renderBar(progress: BuildProgress, reported: number): string {
  // A terminal may report 0 columns (a pseudo-terminal without a size): then assume 80.
  const columns = Number.isFinite(reported) && reported > 0 ? reported : 80;
  const label = LABELS[progress.phase];
  if (progress.total <= 0) return `${label}…`.slice(0, columns - 1);
  const ratio = Math.min(1, progress.done / progress.total);
  const filled = Math.round(ratio * WIDTH);
  const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${label} ${progress.done}/${progress.total}`;
  return line.slice(0, columns - 1);
}

/** `Built 321 pages (88 notes) in 2.1 s, 0 warnings` */
export function buildSummary(result: { pages: number; notes: number; seconds: number; warnings: unknown[]; upToDate?: boolean }): string {
  const warnings = result.warnings.length;
  if (result.upToDate)
    return `Up to date: ${count(result.pages, 'page')} (${count(result.notes, 'note')}) unchanged, checked in ${result.seconds.toFixed(1)} s, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  return `Built ${count(result.pages, 'page')} (${count(result.notes, 'note')}) in ${result.seconds.toFixed(1)} s, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}

/** `1 note`, `2 notes`. */
function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
