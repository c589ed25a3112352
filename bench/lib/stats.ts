// Reading a step's runs: the minimum time, the highest peak RSS, the pages written.
import type { StepId, StepResult, VaultResult } from './suite.js';

export function step(result: VaultResult | undefined, id: StepId): StepResult | undefined {
  return result?.steps.find((entry) => entry.step === id);
}

/** Fastest successful run, seconds; null when every run failed. */
export function minSeconds(entry: StepResult | undefined): number | null {
  const times = (entry?.runs ?? []).filter((run) => run.ok).map((run) => run.seconds);
  return times.length === 0 ? null : Math.min(...times);
}

/** Highest peak RSS over all runs, MiB. */
export function maxRss(entry: StepResult | undefined): number | null {
  const values = (entry?.runs ?? []).map((run) => run.rssMiB).filter((value) => value !== null);
  return values.length === 0 ? null : Math.max(...values);
}

export function pages(entry: StepResult | undefined): number | null {
  const counts = entry?.pages ?? [];
  return counts.length === 0 ? null : Math.max(...counts);
}

export function ratio(value: number | null, base: number | null): number | null {
  return value === null || base === null || base === 0 ? null : value / base;
}

export const fmt = (value: number | null, digits = 2, unit = ''): string => (value === null ? '—' : `${value.toFixed(digits)}${unit}`);

/** CPU seconds (user + system, children included) of the fastest successful run; null without them. */
export function cpuOfFastest(entry: StepResult | undefined): number | null {
  const runs = (entry?.runs ?? []).filter((run) => run.ok);
  if (runs.length === 0) return null;
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return fastest.cpuSeconds ?? null;
}

/** Least CPU seconds of the successful runs; null without them. */
export function minCpu(entry: StepResult | undefined): number | null {
  const values = (entry?.runs ?? []).filter((run) => run.ok).map((run) => run.cpuSeconds ?? null);
  const known = values.filter((value) => value !== null);
  return known.length === 0 ? null : Math.min(...known);
}

/** (slowest − fastest) / fastest of the successful runs, as a fraction; null with fewer than 2. */
export function spread(entry: StepResult | undefined): number | null {
  const times = (entry?.runs ?? []).filter((run) => run.ok).map((run) => run.seconds);
  if (times.length < 2) return null;
  const low = Math.min(...times);
  return low === 0 ? null : (Math.max(...times) - low) / low;
}
