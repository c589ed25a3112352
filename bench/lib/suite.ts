// The side-by-side steps on one vault: plain Eleventy, then `almanac build` cold, warm
// and after a one-note edit, then `almanac check` cold and warm. Each step is its own
// child process; the steps are interleaved per round so load drifts hit them alike.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countHtml } from './files.js';
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
  const almanac = (project: Project, command: string, okCodes: number[] = [0]) =>
    measure({ args: [options.bin, command], cwd: project.dir, timeoutSeconds: options.timeoutSeconds, okCodes, signal: options.signal });

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
      output: eleventyOut,
    },
    'build-cold': {
      before: () => {
        rmSync(buildProject.cache, { recursive: true, force: true });
        rmSync(buildProject.site, { recursive: true, force: true });
      },
      run: () => almanac(buildProject, 'build'),
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
  return { vault, steps: [...results.values()], buildProject };
}

function describe(m: Measurement): string {
  const rss = m.rssMiB === null ? '' : `, ${m.rssMiB.toFixed(0)} MiB`;
  return m.ok ? `${m.seconds.toFixed(2)} s${rss}` : `FAILED after ${m.seconds.toFixed(1)} s (${m.error ?? 'unknown'})`;
}
