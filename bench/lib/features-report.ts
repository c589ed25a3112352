// The "Render features (issue 15)" table: each variant's cold builds, and what each addition
// costs against the baseline as the difference of the minimums and its share of the baseline,
// with the per-round differences (the runs are interleaved, so round r of a variant and of the
// baseline ran minutes apart) as the spread.
import type { Measurement } from './measure.js';
import { fmt, ratio } from './stats.js';
import type { FeaturesResult, VariantId, VariantResult } from './features.js';

export const FEATURES_HEADER = [
  'Variant',
  'Pages',
  'Peak RSS MiB',
  'Wall s (min)',
  'Wall, all runs',
  'CPU s (min)',
  'CPU, all runs',
  'Cost, wall',
  'Cost, CPU',
  'Wall Δ per round',
];

type Metric = (run: Measurement) => number | null;
const wall: Metric = (run) => (run.ok ? run.seconds : null);
const cpu: Metric = (run) => (run.ok ? (run.cpuSeconds ?? null) : null);

function minOf(result: VariantResult | undefined, metric: Metric): number | null {
  const values = (result?.runs ?? []).map(metric).filter((value) => value !== null);
  return values.length === 0 ? null : Math.min(...values);
}

const allRuns = (result: VariantResult, metric: Metric): string => result.runs.map((run) => (run.ok ? fmt(metric(run)) : 'FAILED')).join(' / ') || 'not run';

/** `+1.23 s (+4.8 %)`: value − base, and its share of base. */
function cost(value: number | null, base: number | null): string {
  if (value === null || base === null) return '—';
  const delta = value - base;
  const sign = delta >= 0 ? '+' : '−';
  return `${sign}${Math.abs(delta).toFixed(2)} s (${sign}${Math.abs((100 * delta) / base).toFixed(1)} %)`;
}

/** Round-by-round differences, variant − base, of the runs that both finished. */
function perRound(result: VariantResult, base: VariantResult, metric: Metric): string {
  const deltas: string[] = [];
  result.runs.forEach((run, index) => {
    const other = base.runs[index];
    const a = metric(run);
    const b = other ? metric(other) : null;
    if (a !== null && b !== null) deltas.push(`${a - b >= 0 ? '+' : '−'}${Math.abs(a - b).toFixed(2)}`);
  });
  return deltas.length === 0 ? '—' : deltas.join(' / ');
}

export function featuresRows(features: FeaturesResult): string[][] {
  const find = (id: VariantId) => features.variants.find((result) => result.variant.id === id);
  const baseline = find('baseline');
  const rows: string[][] = [];
  for (const result of features.variants) {
    const pages = result.pages.length === 0 ? '—' : String(Math.max(...result.pages));
    const rss = result.runs.map((run) => run.rssMiB).filter((value) => value !== null);
    const peak = rss.length === 0 ? '—' : Math.max(...rss).toFixed(0);
    const measured = [fmt(minOf(result, wall)), allRuns(result, wall), fmt(minOf(result, cpu)), allRuns(result, cpu)];
    const id = result.variant.id;
    // The properties block's cost is on − off: the baseline against the variant without it.
    const off = id === 'no-properties' || id === 'no-facts';
    const [value, base] = off ? [baseline, result] : [result, baseline];
    const comparable = id !== 'eleventy' && id !== 'baseline' && value !== undefined && base !== undefined;
    const costs = comparable
      ? [cost(minOf(value, wall), minOf(base, wall)), cost(minOf(value, cpu), minOf(base, cpu)), perRound(value, base, wall)]
      : ['—', '—', '—'];
    rows.push([off ? `${result.variant.label} (cost: on − off)` : result.variant.label, pages, peak, ...measured, ...costs]);
  }
  return rows;
}

/**
 * Cold build against plain Eleventy on the plain vault, for the baseline and for everything at
 * once; and issue 18's "entity facts and charts cost ≤ 5% of the cold build" (baseline against
 * no-facts, CPU seconds: wall time on this machine moves more than 5% between runs). A row whose
 * variants were not run (`--variants`) is left out.
 */
export function featuresTargets(features: FeaturesResult): Array<{ target: string; measured: string; met: boolean | null }> {
  const find = (id: VariantId) => features.variants.find((result) => result.variant.id === id);
  const eleventy = minOf(find('eleventy'), wall);
  const rows = (['baseline', 'all'] as const)
    .filter((id) => find(id) !== undefined && find('eleventy') !== undefined)
    .map((id) => {
      const cold = minOf(find(id), wall);
      const r = ratio(cold, eleventy);
      return {
        target: `cold build ≤ 2.0× plain Eleventy (${id === 'all' ? 'every addition' : 'baseline'}, ${features.size} notes)`,
        measured: r === null ? '— (a run failed)' : `${fmt(r)}× (${fmt(cold, 1)} s vs ${fmt(eleventy, 1)} s)`,
        met: r === null ? null : r <= 2.0,
      };
    });
  const on = find('baseline');
  const off = find('no-facts');
  if (on && off) {
    const [onCpu, offCpu] = [minOf(on, cpu), minOf(off, cpu)];
    const share = onCpu === null || offCpu === null ? null : (onCpu - offCpu) / onCpu;
    rows.push({
      target: `entity facts and charts ≤ 5% of the cold build (CPU, ${features.size} notes)`,
      measured:
        share === null || onCpu === null || offCpu === null ? '— (a run failed)' : `${fmt(share * 100, 1)}% (${fmt(onCpu, 1)} s on vs ${fmt(offCpu, 1)} s off)`,
      met: share === null ? null : share <= 0.05,
    });
  }
  return rows;
}

/** What the generator planted in each variant's vault. */
export function plantedLine(features: FeaturesResult): string {
  const all = features.variants.find((result) => result.variant.id === 'all')?.planted;
  if (!all) return 'Planted content: not known (no `render` in the vault’s .expected.json).';
  const n = (key: string) => String(all[key] ?? 0);
  return (
    `Planted (the \`all\` vault holds each variant's content exactly): code in ${n('code')} notes (${n('codeBlocks')} blocks), ` +
    `math in ${n('math')}, Mermaid in ${n('mermaid')}, iframes or YouTube image links in ${n('iframes')}, PDF embeds in ${n('pdf')}, ` +
    `${n('canvases')} boards and ${n('bases')} bases embedded ${n('embeds')} times.`
  );
}

export function featuresMarkdownSection(features: FeaturesResult | null, table: (rows: string[][], header: string[]) => string): string {
  const out = ['## Render features (issue 15)', ''];
  if (features === null) return [...out, 'Not measured in this run (`--no-features`, or stopped before it).', ''].join('\n');
  out.push(
    `Cold \`almanac build\` (no \`.almanac/\` cache, no output) of variants of one generated vault of ${features.size} notes, ` +
      `${features.runs} interleaved round${features.runs === 1 ? '' : 's'} (the order reversed every other round). ` +
      'Each "+" variant is the baseline vault with one kind of content appended to some notes (test/support/genvault-render.ts); ' +
      'the cost is the difference of the minimums against the baseline, and its share of the baseline. ' +
      'Wall: the child process; CPU: user + system of it and its threads (/proc/self/stat cutime + cstime around the run). ' +
      '"Wall Δ per round" pairs round r of the variant with round r of the baseline: the spread to read the cost against.',
    '',
    plantedLine(features),
    '',
  );
  out.push(table(featuresRows(features), FEATURES_HEADER), '');
  const targets = featuresTargets(features);
  out.push(
    table(
      targets.map((t) => [t.target, t.measured, t.met === null ? '— not measured' : t.met ? '✅ met' : '❌ not met']),
      ['Target', 'Measured', 'Status'],
    ),
    '',
  );
  return out.join('\n');
}
