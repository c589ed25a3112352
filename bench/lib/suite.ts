// The side-by-side steps on one vault: plain Eleventy, then `almanac build` cold, warm
// and after a one-note edit, then `almanac check` cold and warm. Each step is its own
// child process; the steps are interleaved per round so load drifts hit them alike.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { notePageWeight, type PageWeight } from './site-weight.js';
import { physicalLimit, type PhysicalLimit } from './physical.js';
import { readTrace, type TraceLine } from './trace.js';
import { join } from 'node:path';
import { countHtml, folderBytes } from './files.js';
import { measure, type Measurement } from './measure.js';
import { ELEVENTY_CMD, ELEVENTY_CONFIG, REPO } from './paths.js';
import { makeProject, type Project } from './projects.js';
import type { BenchVault } from './vaults.js';

export const STEPS = ['eleventy', 'build-cold', 'build-warm', 'build-edit', 'check-cold', 'check-warm'] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_LABELS: Record<StepId, string> = {
  eleventy: 'plain Eleventy 3',
  'build-cold': 'build, cold',
  'build-warm': 'build, warm',
  'build-edit': 'build, 1 note edited',
  'check-cold': 'check, cold',
  'check-warm': 'check, warm',
};

export interface StepResult {
  step: StepId;
  runs: Measurement[];
  /** `.html` files in the output after each successful run (build steps and Eleventy). */
  pages: number[];
}

export interface VaultResult {
  vault: BenchVault;
  steps: StepResult[];
  /** The per-phase trace of each cold build (ALMANAC_TRACE), by run; [] for a run without one. */
  traces: TraceLine[][];
  /** Bytes of the output folders after the last cold build and the last plain Eleventy run. */
  siteBytes: { almanac: number | null; eleventy: number | null };
  /** One note page and what it loads, read off the cold build's site. */
  pageWeight: PageWeight | null;
  /** Reading the Markdown and writing as many pages alone (bench/lib/physical.ts). */
  physical: PhysicalLimit | null;
  /** The build project, for serve and the profile (its cache is warm afterwards). */
  buildProject: Project;
}

export interface SuiteOptions {
  /** Aborted on Ctrl-C / SIGTERM: the running command is ended and no step starts. */
  signal: AbortSignal;
  /** bin/almanac.js to run. */
  bin: string;
  runs: number;
  timeoutSeconds: number;
  work: string;
  log: (line: string) => void;
}

export async function runSuite(vault: BenchVault, options: SuiteOptions): Promise<VaultResult> {
  const root = join(options.work, vault.label);
  const buildProject = makeProject(join(root, 'build'), vault);
  const checkProject = makeProject(join(root, 'check'), vault);
  const eleventyOut = join(root, 'eleventy-site');
  const results = new Map<StepId, StepResult>(STEPS.map((step) => [step, { step, runs: [], pages: [] }]));
  const notePath = join(vault.dir, vault.editNote);
  const original = readFileSync(notePath);
  const almanac = (project: Project, command: string, okCodes: number[] = [0], env?: Record<string, string>) =>
    measure({ args: [options.bin, command], cwd: project.dir, timeoutSeconds: options.timeoutSeconds, okCodes, signal: options.signal, env });
  const traceFile = join(root, 'trace.jsonl');
  const traces: TraceLine[][] = [];
  const siteBytes: VaultResult['siteBytes'] = { almanac: null, eleventy: null };
  let pageWeight: PageWeight | null = null;

  const plan: Record<StepId, { before?: () => void; run: () => Promise<Measurement>; after?: () => void; output?: string }> = {
    eleventy: {
      before: () => rmSync(eleventyOut, { recursive: true, force: true }),
      run: () =>
        measure({
          args: [ELEVENTY_CMD, `--config=${ELEVENTY_CONFIG}`, `--input=${vault.dir}`, `--output=${eleventyOut}`, '--quiet'],
          cwd: REPO,
          timeoutSeconds: options.timeoutSeconds,
          signal: options.signal,
        }),
      after: () => {
        siteBytes.eleventy = folderBytes(eleventyOut) || null;
      },
      output: eleventyOut,
    },
    'build-cold': {
      before: () => {
        rmSync(buildProject.cache, { recursive: true, force: true });
        rmSync(buildProject.site, { recursive: true, force: true });
        rmSync(traceFile, { force: true });
      },
      run: () => almanac(buildProject, 'build', [0], { ALMANAC_TRACE: traceFile }),
      after: () => {
        traces.push(readTrace(traceFile));
        siteBytes.almanac = folderBytes(buildProject.site) || null;
      },
      output: buildProject.site,
    },
    'build-warm': { run: () => almanac(buildProject, 'build'), output: buildProject.site },
    'build-edit': {
      before: () => appendFileSync(notePath, `\nBenchmark edit ${new Date().toISOString()}.\n`),
      run: () => almanac(buildProject, 'build'),
      after: () => writeFileSync(notePath, original),
      output: buildProject.site,
    },
    // `check` exits 1 when it finds errors, and the generated vaults plant some.
    'check-cold': { before: () => rmSync(checkProject.cache, { recursive: true, force: true }), run: () => almanac(checkProject, 'check', [0, 1]) },
    'check-warm': { run: () => almanac(checkProject, 'check', [0, 1]) },
  };

  try {
    for (let round = 1; round <= options.runs; round++) {
      for (const step of STEPS) {
        if (options.signal.aborted) break;
        const { before, run, after, output } = plan[step];
        const result = results.get(step);
        if (!result) continue;
        before?.();
        let measurement: Measurement;
        try {
          measurement = await run();
        } finally {
          after?.();
        }
        if (measurement.ok && output) {
          const written = countHtml(output);
          // Exit 0 with nothing written is a failure too (e.g. a vault the tool never saw).
          if (written === 0) measurement = { ...measurement, ok: false, error: 'exit 0 but no .html files in the output' };
          else result.pages.push(written);
        }
        result.runs.push(measurement);
        options.log(`  ${vault.label} run ${round}/${options.runs} ${STEP_LABELS[step].padEnd(22)} ${describe(measurement)}`);
      }
    }
  } finally {
    writeFileSync(notePath, original);
  }
  // The site of the last build (the edited note's build wrote the same pages), once every run is done.
  let physical: PhysicalLimit | null = null;
  if (!options.signal.aborted && (results.get('build-cold')?.pages.length ?? 0) > 0) {
    pageWeight = notePageWeight(buildProject.site);
    physical = physicalLimit(vault.dir, buildProject.site, join(root, 'physical'));
    options.log(
      `  ${vault.label} physical limit: read ${physical.files} notes ${physical.readSeconds.toFixed(2)} s, write ${physical.pages} pages ${physical.writeSeconds.toFixed(2)} s`,
    );
  }
  return { vault, steps: [...results.values()], buildProject, traces, siteBytes, pageWeight, physical };
}

function describe(m: Measurement): string {
  const rss = m.rssMiB === null ? '' : `, ${m.rssMiB.toFixed(0)} MiB`;
  return m.ok ? `${m.seconds.toFixed(2)} s${rss}` : `FAILED after ${m.seconds.toFixed(1)} s (${m.error ?? 'unknown'})`;
}
