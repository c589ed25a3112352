// `npm run bench`: Almanac side by side with plain Eleventy 3 on generated vaults of
// 2k, 10k and 20k notes, on real-profile vaults of 2k and 10k (issue 16) and on the sample
// vault; the share of notes on the fast parse path; the serve edit latency; the targets
// of issue 6; the cost of each render feature of issue 15 (bench/lib/features.ts).
// Prints tables and writes bench/RESULTS.md. See README "Benchmarks".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs, USAGE, type BenchArgs } from './lib/args.js';
import { fastPathShare, type FastPathShare } from './lib/fast-path.js';
import { featuresSize, runFeatures, type FeaturesResult } from './lib/features.js';
import { FEATURES_HEADER, featuresRows } from './lib/features-report.js';
import { newestMtime } from './lib/files.js';
import { releaseLock, takeLock } from './lib/lock.js';
import { rssSource } from './lib/measure.js';
import { OUT, REPO, BENCH } from './lib/paths.js';
import { profileColdBuild, type ProfileSummary } from './lib/profile.js';
import { fastPathLine, featuresMarkdown, measurementRows, resultsMarkdown, serveLine, textTable, type RunInfo } from './lib/report.js';
import { measureServe, type ServeResult } from './lib/serve-latency.js';
import { snapshotAlmanac } from './lib/snapshot.js';
import { runSuite, STEP_LABELS, type VaultResult } from './lib/suite.js';
import { checkTargets } from './lib/targets.js';
import { generatedVault, label, sampleVault, type BenchVault } from './lib/vaults.js';

const log = (line: string): void => console.log(line);

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    console.error(`bench: ${parsed}\n${USAGE}`);
    return 2;
  }
  const args: BenchArgs = parsed;
  const holder = takeLock();
  if (holder !== null) {
    console.error(`bench: another benchmark (pid ${holder}) is running; two at once spoil each other's times and edit the same vaults`);
    return 1;
  }
  // Ctrl-C / SIGTERM: end the running command, restore the edited note, write what was measured.
  const abort = new AbortController();
  let stoppedBy: string | null = null;
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppedBy !== null) process.exit(130);
    stoppedBy = signal;
    log(`${signal}: stopping; the results so far will be written`);
    abort.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await runBench(args, argv, abort.signal, () => stoppedBy);
  } finally {
    releaseLock();
  }
}

async function runBench(args: BenchArgs, argv: string[], signal: AbortSignal, stoppedBy: () => string | null): Promise<number> {
  const started = new Date();
  const loadStart = os.loadavg();
  const notes = runNotes(args, loadStart);
  for (const note of notes) log(`note: ${note}`);

  const vaults = args.featuresOnly ? [] : benchVaults(args);
  if (args.sample && !args.featuresOnly) vaults.unshift(sampleVault());
  const main = mainVault(vaults);

  const almanac = snapshotAlmanac();
  const work = mkdtempSync(join(os.tmpdir(), 'almanac-bench-'));
  const file = args.results ?? defaultResults(args);
  const results: VaultResult[] = [];
  const shares: FastPathShare[] = [];
  let serve: ServeResult | null = null;
  let profile: ProfileSummary | null = null;
  let features: FeaturesResult | null = null;
  // Partial results (after each vault, or when stopped) never replace the results file.
  const partialFile = join(OUT, args.featuresOnly ? 'RESULTS-features-partial.md' : 'RESULTS-partial.md');
  const write = (state: 'running' | 'done'): { failures: string[]; to: string } => {
    const stopped = stoppedBy();
    const status =
      stopped !== null
        ? [`interrupted by ${stopped}: the results are partial`]
        : state === 'running'
          ? ['run in progress (or killed): the results are partial']
          : [];
    const info = runInfo(args, argv, started, loadStart, [...status, ...notes]);
    const failures = [...collectFailures(results, serve, profile), ...featureFailures(features)];
    const to = status.length > 0 ? partialFile : file;
    mkdirSync(dirname(to), { recursive: true });
    const targets = checkTargets(results, serve);
    writeFileSync(
      to,
      args.featuresOnly
        ? featuresMarkdown(info, features, failures)
        : resultsMarkdown({ info, vaults: results, shares, serve, profile, targets, failures, features }, file),
    );
    return { failures, to };
  };
  try {
    for (const vault of vaults) {
      if (signal.aborted) break;
      log(`${vault.label}: ${vault.notes} notes, ${(vault.bytes / 1024 ** 2).toFixed(1)} MB of Markdown`);
      const result = await runSuite(vault, { bin: almanac.bin, runs: args.runs, timeoutSeconds: args.timeout, work, log, signal });
      results.push(result);
      if (!signal.aborted) shares.push(await measureShare(vault, join(almanac.dir, 'dist')));
      if (vault === main && args.serve && !signal.aborted) {
        serve = await measureServe(vault, result.buildProject, { bin: almanac.bin, edits: args.edits, timeoutSeconds: args.timeout, work, log, signal });
        log(`  ${serveLine(serve)}`);
      }
      if (vault === main && args.profile && !signal.aborted) {
        log(`profiling a cold build of the ${vault.label} vault …`);
        const dir = join(OUT, 'profiles', `${vault.label}-${started.toISOString().replace(/[:.]/g, '-')}`);
        profile = await profileColdBuild(almanac.bin, vault.label, result.buildProject, dir, args.timeout, signal);
      }
      write('running');
    }
    if (args.features && !signal.aborted) {
      const size = featuresSize(args.sizes);
      features = await runFeatures({
        bin: almanac.bin,
        size,
        seed: args.seed,
        runs: args.runs,
        timeoutSeconds: args.timeout,
        work,
        log,
        signal,
        variants: args.variants,
      });
    }
  } finally {
    if (args.keep) log(`kept ${work} and ${almanac.dir}`);
    else {
      rmSync(work, { recursive: true, force: true });
      almanac.remove();
    }
  }

  const { failures, to } = write('done');
  if (!args.featuresOnly) printSuite(results, shares, serve);
  if (features) console.log(`\n${textTable(featuresRows(features), FEATURES_HEADER)}`);
  console.log(
    `\nwrote ${relative(process.cwd(), to)}${failures.length > 0 ? ` (${failures.length} failure${failures.length === 1 ? '' : 's'} recorded)` : ''}`,
  );
  return stoppedBy() === null ? 0 : 130;
}

function printSuite(results: VaultResult[], shares: FastPathShare[], serve: ServeResult | null): void {
  console.log(`\n${textTable(measurementRows(results))}\n`);
  for (const share of shares) console.log(fastPathLine(share));
  if (serve) console.log(serveLine(serve));
  console.log(
    textTable(
      checkTargets(results, serve).map((target) => [target.target, target.status, target.measured]),
      ['Target', 'Status', 'Measured'],
    ),
  );
}

/** serve and the profile run on the 10k vault, or the largest generated one there is (default profile first). */
function mainVault(vaults: BenchVault[]): BenchVault | undefined {
  const generated = vaults.filter((vault) => vault.kind === 'generated');
  const plain = generated.filter((vault) => vault.profile === 'default');
  return generated.find((vault) => vault.label === label(10000)) ?? plain[plain.length - 1] ?? generated[generated.length - 1];
}

async function measureShare(vault: BenchVault, dist: string): Promise<FastPathShare> {
  const share = await fastPathShare(vault, dist);
  log(`  ${fastPathLine(share)}`);
  return share;
}

/** The generated vaults by size, each size's default-profile vault before its real-profile one. */
function benchVaults(args: BenchArgs): BenchVault[] {
  const sizes = [...new Set([...args.sizes, ...args.realSizes])].sort((a, b) => a - b);
  return sizes.flatMap((size) => [
    ...(args.profiles.includes('default') && args.sizes.includes(size) ? [generatedVault(size, args.seed, log)] : []),
    ...(args.profiles.includes('real') && args.realSizes.includes(size) ? [generatedVault(size, args.seed, log, undefined, 'real')] : []),
  ]);
}

function defaultResults(args: BenchArgs): string {
  if (args.featuresOnly) return args.quick ? join(OUT, 'RESULTS-features-quick.md') : join(BENCH, 'RESULTS-features.md');
  return args.quick ? join(OUT, 'RESULTS-quick.md') : join(BENCH, 'RESULTS.md');
}

function featureFailures(features: FeaturesResult | null): string[] {
  return (features?.variants ?? []).flatMap((result) =>
    result.runs.flatMap((run, index) => (run.ok ? [] : [`render features, ${result.variant.id}, run ${index + 1}: ${run.error ?? 'failed'}`])),
  );
}

function runInfo(args: BenchArgs, argv: string[], started: Date, loadStart: number[], notes: string[]): RunInfo {
  return {
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    started,
    finished: new Date(),
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart,
    loadEnd: os.loadavg(),
    commit: gitDescription(),
    notes,
    runs: args.runs,
    rssSource: rssSource(),
  };
}

/** Things a reader of the results should know about how this run went. */
function runNotes(args: BenchArgs, load: number[]): string[] {
  const notes: string[] = [];
  const cores = os.availableParallelism();
  if ((load[0] ?? 0) >= 1.5)
    notes.push(`the machine was busy when the run started (1-minute load ${(load[0] ?? 0).toFixed(2)} on ${cores} cores); times are pessimistic`);
  if (args.quick) notes.push('`--quick` run: fewer runs and sizes, not a full benchmark');
  const newestSource = newestMtime(join(REPO, 'src'));
  const built = mtime(join(REPO, 'dist', 'cli', 'index.js'));
  if (built !== null && newestSource > built)
    notes.push('some file in src/ is newer than dist/: the run measured the last compiled build (`npm run build:ts`)');
  if (built !== null) notes.push(`every almanac step ran a copy of dist/ (compiled ${new Date(built).toISOString()}) taken at the start`);
  return notes;
}

function collectFailures(results: VaultResult[], serve: ServeResult | null, profile: ProfileSummary | null): string[] {
  const failures: string[] = [];
  for (const result of results) {
    for (const entry of result.steps) {
      entry.runs.forEach((run, index) => {
        if (!run.ok) failures.push(`${result.vault.label}, ${STEP_LABELS[entry.step]}, run ${index + 1}: ${run.error ?? 'failed'}`);
      });
    }
  }
  if (serve && !serve.ok) failures.push(`serve on ${serve.vault}: ${serve.error ?? 'failed'}`);
  if (profile && !profile.run.ok) failures.push(`profiled build on ${profile.vault}: ${profile.run.error ?? 'failed'}`);
  return failures;
}

function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'templates'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} with uncommitted changes in src/ or templates/` : commit;
  } catch {
    return 'unknown commit (no git)';
  }
}

function mtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
