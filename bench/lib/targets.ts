// The targets of issue 16 (speed, memory and weight at 10k notes, both generator profiles),
// with those of issue 6 it did not replace (warm check, serve, 20k), read off one run: ratios
// are within the run (the minimum of its runs each), CPU ratios beside the wall-clock ones.
import type { ServeResult } from './serve-latency.js';
import { fmt, maxRss, minCpu, minSeconds, ratio, step } from './stats.js';
import type { VaultResult } from './suite.js';

export interface TargetCheck {
  target: string;
  measured: string;
  status: 'met' | 'not met' | 'not measured';
}

const GENERATED = '10k';
const REAL = '10k-real';
/** What one note page may fetch (test/browser/page-weight.test.ts). */
const PAGE_BUDGET = 150_000;

export function checkTargets(vaults: VaultResult[], serve: ServeResult | null): TargetCheck[] {
  const v10 = vaults.find((result) => result.vault.label === GENERATED);
  const real = vaults.find((result) => result.vault.label === REAL);
  const v20 = vaults.find((result) => result.vault.label === '20k');
  const why = (vault: VaultResult | undefined, name: string): string => (vault ? 'a step failed' : `no ${name} vault in this run`);
  const checkWarm = minSeconds(step(v10, 'check-warm'));
  const cold = minSeconds(step(v10, 'build-cold'));
  const cold20 = minSeconds(step(v20, 'build-cold'));
  const serveAt10k = serve?.vault === GENERATED ? serve : null;
  const sites = v10 ? ratio(v10.siteBytes.almanac, v10.siteBytes.eleventy) : null;
  const weight = v10?.pageWeight ?? null;
  return [
    timeRatio(`real profile: cold build ≤ 1.5× plain Eleventy (${REAL})`, real, 'build-cold', 1.5, why(real, REAL)),
    timeRatio(`generated: cold build ≤ 1.2× plain Eleventy (${GENERATED})`, v10, 'build-cold', 1.2, why(v10, GENERATED)),
    timeRatio(`warm build ≤ 0.1× plain Eleventy (${GENERATED})`, v10, 'build-warm', 0.1, why(v10, GENERATED)),
    timeRatio(`warm build ≤ 0.1× plain Eleventy (${REAL})`, real, 'build-warm', 0.1, why(real, REAL)),
    against(`peak RSS of the cold build ≤ 1,024 MiB (${GENERATED})`, maxRss(step(v10, 'build-cold')), 1024, mib, why(v10, GENERATED)),
    against(`peak RSS of the cold build ≤ 1,024 MiB (${REAL})`, maxRss(step(real, 'build-cold')), 1024, mib, why(real, REAL)),
    against(
      `site folder ≤ 2× plain Eleventy's (${GENERATED})`,
      sites,
      2,
      (r) => `${fmt(r)}× (${fmt((v10?.siteBytes.almanac ?? 0) / 1e6, 1)} MB vs ${fmt((v10?.siteBytes.eleventy ?? 0) / 1e6, 1)} MB)`,
      why(v10, GENERATED),
    ),
    against(
      `one note page fetches ≤ 150 KB (${GENERATED}, the heaviest; HTML + the CSS/JS it loads, read off the files)`,
      weight?.bytes ?? null,
      PAGE_BUDGET,
      (bytes) => `${fmt(bytes / 1000, 1)} KB in ${weight?.files ?? 0} files (${weight?.page ?? ''})`,
      why(v10, GENERATED),
    ),
    against(`warm \`check\` ≤ 2 s (${GENERATED}, issue 6)`, checkWarm, 2, (s) => `${fmt(s)} s`, why(v10, GENERATED)),
    against(
      `\`serve\`: edit on disk in its page ≤ 500 ms (${GENERATED}, median; issue 6)`,
      serveAt10k?.medianMs ?? null,
      500,
      (ms) => `${fmt(ms, 0)} ms`,
      serve === null ? 'serve not measured' : serve.vault !== GENERATED ? `measured on ${serve.vault} only` : (serve.error ?? 'failed'),
    ),
    against(
      '20k notes ≤ 2.2× the time of 10k (cold build; issue 6)',
      ratio(cold20, cold),
      2.2,
      (r) => `${fmt(r)}× (${fmt(cold20, 1)} s vs ${fmt(cold, 1)} s)`,
      v20 ? 'a build failed' : 'no 20k vault in this run',
    ),
  ];
}

const mib = (value: number): string => `${fmt(value, 0)} MiB`;

/** A step's time against plain Eleventy's on the same vault, with the CPU ratio beside it. */
function timeRatio(target: string, vault: VaultResult | undefined, id: 'build-cold' | 'build-warm', limit: number, missing: string): TargetCheck {
  const seconds = minSeconds(step(vault, id));
  const eleventy = minSeconds(step(vault, 'eleventy'));
  const cpu = ratio(minCpu(step(vault, id)), minCpu(step(vault, 'eleventy')));
  return against(
    target,
    ratio(seconds, eleventy),
    limit,
    (r) =>
      `${fmt(r)}× (${fmt(seconds, 2)} s vs ${fmt(eleventy, 2)} s); CPU ${fmt(cpu)}× (${fmt(minCpu(step(vault, id)), 1)} s vs ${fmt(minCpu(step(vault, 'eleventy')), 1)} s)`,
    missing,
  );
}

function against(target: string, value: number | null, limit: number, show: (value: number) => string, missing: string): TargetCheck {
  if (value === null) return { target, measured: `— (${missing})`, status: 'not measured' };
  return { target, measured: show(value), status: value <= limit ? 'met' : 'not met' };
}
