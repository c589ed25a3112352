import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default leaves a core idle (cores - 1 workers: one on a 2-core CI machine); most
    // test time is spent waiting on child processes and worker threads, so use them all.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
