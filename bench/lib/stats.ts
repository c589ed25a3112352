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
