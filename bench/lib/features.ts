// "Render features (issue 15)": cold builds of variants of ONE generated vault (the 10k one,
// or the largest of --sizes under it), each with one kind of content added: code, math,
// diagrams and embeds, canvas boards and bases; and the plain vault with the properties block
// turned off. Plain Eleventy on the plain vault gives the issue 6 target. Variants run
// interleaved (the order reversed every other round), so a slow spell falls on all of them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderFeatures } from '../../test/support/genvault-render.js';
import { countHtml } from './files.js';
import { measure, type Measurement } from './measure.js';
import { ELEVENTY_CMD, ELEVENTY_CONFIG, REPO } from './paths.js';
import { makeProject, type Project } from './projects.js';
import { generatedVault, type BenchVault } from './vaults.js';

export type VariantId = 'eleventy' | 'baseline' | 'code' | 'math' | 'diagrams' | 'canvas' | 'no-properties' | 'no-facts' | 'all';

export interface Variant {
  id: VariantId;
  label: string;
  /** Content added to the generated vault; null: the plain vault. */
  render: RenderFeatures | null;
  /** `site.properties: false` in the project. */
  propertiesOff?: boolean;
  /** Added to the build's environment (ALMANAC_TABLE_FACTS=off: no table facts, entity facts or charts). */
  env?: Record<string, string>;
}

const CODE: RenderFeatures = { code: 0.05 };
const MATH: RenderFeatures = { math: 0.05 };
const DIAGRAMS: RenderFeatures = { mermaid: 0.01, iframes: 0.01, pdf: 0.01 };
const CANVAS: RenderFeatures = { canvases: 30, bases: 30 };

export const VARIANTS: readonly Variant[] = [
  { id: 'eleventy', label: 'plain Eleventy 3 (plain vault)', render: null },
  { id: 'baseline', label: 'baseline: plain vault, properties on', render: null },
  { id: 'code', label: '+ code: 5% of notes, 1–3 fenced blocks (8 languages)', render: CODE },
  { id: 'math', label: '+ math: 5% of notes, inline + display', render: MATH },
  { id: 'diagrams', label: '+ diagrams/embeds: 1% Mermaid, 1% iframes/YouTube, 1% PDF', render: DIAGRAMS },
  { id: 'canvas', label: '+ canvas/bases: 30 boards, 30 table views, 2 embeds each', render: CANVAS },
  { id: 'no-properties', label: 'plain vault, `site.properties: false`', render: null, propertiesOff: true },
  // Issue 18: entity facts (Mentioned in tables, the desk) and charts (2% of tables) cost ≤ 5% of the cold build.
  { id: 'no-facts', label: 'plain vault, table facts and charts off (ALMANAC_TABLE_FACTS=off)', render: null, env: { ALMANAC_TABLE_FACTS: 'off' } },
  { id: 'all', label: 'everything above at once (properties on)', render: { ...CODE, ...MATH, ...DIAGRAMS, ...CANVAS } },
];

export interface VariantResult {
  variant: Variant;
  vault: BenchVault;
  runs: Measurement[];
  pages: number[];
  /** What the generator planted (its .expected.json `render`). */
  planted: Record<string, number> | null;
}

export interface FeaturesResult {
  size: number;
  runs: number;
  variants: VariantResult[];
}

export interface FeaturesOptions {
  bin: string;
  size: number;
  seed: number;
  runs: number;
  timeoutSeconds: number;
  work: string;
  log: (line: string) => void;
  signal: AbortSignal;
  /** Only these variants (all when absent). */
  variants?: readonly VariantId[] | null;
}

/** The vault size the section runs on: the largest of `sizes` not over 10k, else the smallest. */
export function featuresSize(sizes: readonly number[]): number {
  const under = sizes.filter((size) => size <= 10000);
  return under.length > 0 ? Math.max(...under) : Math.min(...sizes);
}

export async function runFeatures(options: FeaturesOptions): Promise<FeaturesResult> {
  const { log } = options;
  const plain = generatedVault(options.size, options.seed, log);
  const wanted = options.variants ? VARIANTS.filter((variant) => options.variants?.includes(variant.id)) : VARIANTS;
  const results: VariantResult[] = wanted.map((variant) => {
    const vault = variant.render === null ? plain : generatedVault(options.size, options.seed, log, { name: variant.id, render: variant.render });
    return { variant, vault, runs: [], pages: [], planted: planted(vault) };
  });
  const root = join(options.work, 'features');
  const projects = new Map(results.map((result) => [result.variant.id, project(join(root, result.variant.id), result)]));
  log(`render features on ${options.size} notes: ${results.length} variants, ${options.runs} interleaved round${options.runs === 1 ? '' : 's'}`);
  for (let round = 1; round <= options.runs; round++) {
    const order = round % 2 === 1 ? results : [...results].reverse();
    for (const result of order) {
      if (options.signal.aborted) return { size: options.size, runs: options.runs, variants: results };
      const target = projects.get(result.variant.id);
      if (!target) continue;
      const measurement = await coldRun(result, target, options);
      result.runs.push(measurement);
      const cpu = measurement.cpuSeconds == null ? '' : `, CPU ${measurement.cpuSeconds.toFixed(1)} s`;
      const shown = measurement.ok ? `${measurement.seconds.toFixed(2)} s${cpu}` : `FAILED (${measurement.error ?? 'unknown'})`;
      log(`  features run ${round}/${options.runs} ${result.variant.id.padEnd(14)} ${shown}`);
    }
  }
  return { size: options.size, runs: options.runs, variants: results };
}

/** Eleventy writes into `site/` of its folder; the others are Almanac projects. */
function project(dir: string, result: VariantResult): Project {
  if (result.variant.id === 'eleventy') return { dir, site: join(dir, 'site'), cache: join(dir, '.almanac') };
  const made = makeProject(dir, result.vault);
  if (result.variant.propertiesOff)
    writeFileSync(join(dir, 'almanac.yaml'), `vault: ${JSON.stringify(result.vault.dir)}\noutput: site\nsite:\n  properties: false\n`);
  return made;
}

async function coldRun(result: VariantResult, target: Project, options: FeaturesOptions): Promise<Measurement> {
  rmSync(target.cache, { recursive: true, force: true });
  rmSync(target.site, { recursive: true, force: true });
  const args =
    result.variant.id === 'eleventy'
      ? [ELEVENTY_CMD, `--config=${ELEVENTY_CONFIG}`, `--input=${result.vault.dir}`, `--output=${target.site}`, '--quiet']
      : [options.bin, 'build'];
  const measurement = await measure({
    args,
    cwd: result.variant.id === 'eleventy' ? REPO : target.dir,
    timeoutSeconds: options.timeoutSeconds,
    signal: options.signal,
    ...(result.variant.env ? { env: result.variant.env } : {}),
  });
  if (!measurement.ok) return measurement;
  const written = countHtml(target.site);
  if (written === 0) return { ...measurement, ok: false, error: 'exit 0 but no .html files in the output' };
  result.pages.push(written);
  return measurement;
}

function planted(vault: BenchVault): Record<string, number> | null {
  try {
    const expected: unknown = JSON.parse(readFileSync(join(vault.dir, '.expected.json'), 'utf8'));
    if (typeof expected !== 'object' || expected === null || !('render' in expected)) return null;
    const render = expected.render;
    if (typeof render !== 'object' || render === null) return null;
    return Object.fromEntries(Object.entries(render).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch {
    return null;
  }
}
