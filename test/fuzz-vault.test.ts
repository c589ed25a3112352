// Fuzz (issue 12 §9): random small hostile vaults (bytes, Obsidian-flavoured Markdown, broken and
// hostile frontmatter and almanac.yaml, reserved names, case twins, long and unicode names,
// symlinks out of the vault, hostile output folders; see support/fuzz-vault.ts) through
// check and build in-process, and a few through the CLI. Properties:
// - no exception escapes but the typed ones the CLI maps to an exit code (ConfigError → 2;
//   BuildError → 1, only with strict), so every exit is 0, 1 or 2;
// - every problem and build warning names an existing vault file (vault-relative) at a line ≥ 1;
//   a config error names almanac.yaml or the output folder;
// - build changes nothing outside its output folder, refuses output folders that are (or link
//   to) the vault or the project, and deletes no file it did not write;
// - the output holds no symlink, no text of a private note, no byte of a file outside the vault.
// A fixed seed by default (so a red run is about the change under test); to explore:
//   ALMANAC_FUZZ_SEED=random ALMANAC_FUZZ_RUNS=10000 npx vitest run test/fuzz-vault.test.ts
// fast-check prints the seed and path of a counterexample (shrunk); replay it with
// ALMANAC_FUZZ_SEED=<seed> ALMANAC_FUZZ_PATH=<path>. Known failures: test/fuzz-findings.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzVault, runFuzzVault, TODAY, writeFuzzVault, type FuzzVault } from './support/fuzz-vault.js';
import { ROOT } from './support/vault.js';

const FIXED_SEED = 20261212;

interface FuzzSettings {
  numRuns: number;
  seed?: number;
  path?: string;
}

function fuzzSettings(variable: string, defaultRuns: number): FuzzSettings {
  const runs = Number(process.env[variable] ?? defaultRuns);
  const numRuns = Number.isInteger(runs) && runs > 0 ? runs : defaultRuns;
  const path = process.env.ALMANAC_FUZZ_PATH;
  const seed = process.env.ALMANAC_FUZZ_SEED;
  if (seed === 'random') return { numRuns };
  const fixed = seed === undefined ? FIXED_SEED : Number(seed);
  return { numRuns, seed: Number.isInteger(fixed) ? fixed : FIXED_SEED, ...(path ? { path } : {}) };
}

const input = fc.record({ vault: fuzzVault, strict: fc.boolean(), cache: fc.boolean() });

const inProcess = fuzzSettings('ALMANAC_FUZZ_RUNS', 40);
const cli = fuzzSettings('ALMANAC_FUZZ_CLI_RUNS', 2);

/** A Node stack frame: `    at fn (file:line:col)`. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('random hostile vaults', () => {
  it(
    'check and build in-process: typed errors only, problems name files, nothing written outside the output, nothing private or outside published',
    async () => {
      await fc.assert(
        fc.asyncProperty(input, async ({ vault, strict, cache }) => {
          const outcome = await runFuzzVault(vault, { strict, cache });
          const broken = outcome.violations.map(
            (violation) => `${violation.kind}\n  ${violation.detail}${violation.stack ? `\n${violation.stack.split('\n').slice(1, 8).join('\n')}` : ''}`,
          );
          if (broken.length > 0) throw new Error(`${broken.length} broken ${broken.length === 1 ? 'property' : 'properties'}:\n${broken.join('\n')}`);
          // With no violation, both steps ended as the CLI ends: 0, 1 or 2.
          expect([0, 1, 2]).toContain(outcome.checkExit);
          expect([0, 1, 2]).toContain(outcome.buildExit);
        }),
        inProcess,
      );
    },
    60_000 + inProcess.numRuns * 3_000,
  );

  it(
    'the CLI on random vaults exits 0, 1 or 2 with no stack trace, as the library predicts',
    async () => {
      const vaults = fc.sample(input, { numRuns: cli.numRuns, ...(cli.seed === undefined ? {} : { seed: cli.seed + 1 }) });
      const failures: string[] = [];
      for (const { vault, cache } of vaults) {
        const expected = await runFuzzVault(vault, { strict: false, cache });
        const root = mkdtempSync(join(tmpdir(), 'almanac-fuzz-cli-'));
        try {
          const written = writeFuzzVault(root, vault);
          const where = written.configPath ? ['--config', written.configPath] : ['--vault', written.vaultDir];
          const noCache = cache ? [] : ['--no-cache'];
          const runs = [
            { step: 'check', args: ['check', ...where, '--today', TODAY, ...noCache], expected: expected.checkExit },
            { step: 'build', args: ['build', ...where, '--out', written.outDir, '--today', TODAY, ...noCache], expected: expected.buildExit },
          ];
          for (const run of runs) {
            const result = spawnSync(process.execPath, [join(ROOT, 'bin/almanac.js'), ...run.args], {
              cwd: written.project,
              encoding: 'utf8',
              timeout: 60_000,
              env: { ...process.env, NO_COLOR: '1' },
            });
            const label = `${run.step} on ${describeVault(vault)}`;
            if (result.status === null || ![0, 1, 2].includes(result.status))
              failures.push(`${label}: exit ${String(result.status)} (${String(result.signal)})`);
            else if (run.expected !== null && result.status !== run.expected)
              failures.push(`${label}: exit ${result.status}, the library predicts ${run.expected}\n${result.stderr.slice(0, 400)}`);
            if (STACK_FRAME.test(result.stderr) || result.stderr.includes('unexpected error'))
              failures.push(`${label}: stack trace on stderr\n${result.stderr.slice(0, 800)}`);
          }
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }
      expect(failures).toEqual([]);
    },
    60_000 + cli.numRuns * 20_000,
  );
});

function describeVault(vault: FuzzVault): string {
  return `{ files: ${JSON.stringify(vault.files.map((file) => file.path))}, config: ${JSON.stringify(vault.config)}, out: ${vault.out} }`;
}
