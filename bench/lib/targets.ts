// The targets of issue 6, item 2, read off one run at 10k notes.
import type { ServeResult } from './serve-latency.js';
import { fmt, maxRss, minSeconds, ratio, step } from './stats.js';
import type { StepId, VaultResult } from './suite.js';

export interface TargetCheck {
  target: string;
  measured: string;
  status: 'met' | 'not met' | 'not measured';
}

const ALMANAC_STEPS: StepId[] = ['build-cold', 'build-warm', 'build-edit', 'check-cold', 'check-warm'];

export function checkTargets(vaults: VaultResult[], serve: ServeResult | null): TargetCheck[] {
  const v10 = vaults.find((result) => result.vault.label === '10k');
  const v20 = vaults.find((result) => result.vault.label === '20k');
  const eleventy = minSeconds(step(v10, 'eleventy'));
  const cold = minSeconds(step(v10, 'build-cold'));
  const warm = minSeconds(step(v10, 'build-warm'));
  const checkWarm = minSeconds(step(v10, 'check-warm'));
  const rssValues = ALMANAC_STEPS.map((id) => maxRss(step(v10, id))).filter((value) => value !== null);
  const rss = rssValues.length === ALMANAC_STEPS.length ? Math.max(...rssValues) : null;
  const cold20 = minSeconds(step(v20, 'build-cold'));
  const serveAt10k = serve?.vault === '10k' ? serve : null;
  const why10k = v10 ? 'a step failed' : 'no 10k vault in this run';
  return [
    against(
      'cold full build ≤ 2.0× plain Eleventy (10k)',
      ratio(cold, eleventy),
      2.0,
      (r) => `${fmt(r)}× (${fmt(cold, 1)} s vs ${fmt(eleventy, 1)} s)`,
      why10k,
    ),
    against(
      'warm full build ≤ 0.5× plain Eleventy (10k)',
      ratio(warm, eleventy),
      0.5,
      (r) => `${fmt(r)}× (${fmt(warm, 1)} s vs ${fmt(eleventy, 1)} s)`,
      why10k,
    ),
    against('warm `check` ≤ 2 s (10k)', checkWarm, 2, (s) => `${fmt(s)} s`, why10k),
    against(
      '`serve`: edit on disk in its page ≤ 500 ms (10k, median)',
      serveAt10k?.medianMs ?? null,
      500,
      (ms) => `${fmt(ms, 0)} ms`,
      serve === null ? 'serve not measured' : serve.vault !== '10k' ? `measured on ${serve.vault} only` : (serve.error ?? 'failed'),
    ),
    against('peak RSS ≤ 1.5 GiB (10k, every almanac step)', rss, 1536, (mib) => `${fmt(mib, 0)} MiB`, why10k),
    against(
      '20k notes ≤ 2.2× the time of 10k (cold build)',
      ratio(cold20, cold),
      2.2,
      (r) => `${fmt(r)}× (${fmt(cold20, 1)} s vs ${fmt(cold, 1)} s)`,
      v20 ? 'a build failed' : 'no 20k vault in this run',
    ),
  ];
}

function against(target: string, value: number | null, limit: number, show: (value: number) => string, missing: string): TargetCheck {
  if (value === null) return { target, measured: `— (${missing})`, status: 'not measured' };
  return { target, measured: show(value), status: value <= limit ? 'met' : 'not met' };
}
