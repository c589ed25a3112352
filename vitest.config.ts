import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Test files that need a fresh module graph: they mock modules (vi.mock, spies on fs or
 * config reading) or assert what the process has not loaded (Shiki). Every other file shares
 * its worker's modules with the files before it (isolate: false), which saves re-importing
 * unified, KaTeX, Shiki and Eleventy ~90 times: about a quarter of the suite's wall time on 2 cores. */
const ISOLATED = ['test/code-highlight.test.ts', 'test/hostile-refresh-write.test.ts', 'test/output-swap.test.ts', 'test/project-open-once.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default leaves a core idle (cores - 1 workers: one on a 2-core CI machine); most
    // test time is spent waiting on child processes and worker threads, so use them all.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
