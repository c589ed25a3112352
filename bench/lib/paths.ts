// Where the benchmark finds the project it measures, and where it keeps its files.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH = join(REPO, 'bench');
/** Generated vaults, reused across runs (git-ignored). */
export const VAULTS = join(BENCH, 'vaults');
/** Quick-run results and CPU profiles (git-ignored). */
export const OUT = join(BENCH, 'out');
export const ELEVENTY_CMD = join(REPO, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
export const ELEVENTY_CONFIG = join(BENCH, 'eleventy-baseline', 'eleventy.config.js');
export const GENERATOR = join(REPO, 'test', 'support', 'genvault.ts');
/** The generator's real profile (`profile: 'real'`). */
export const REAL_GENERATOR = join(REPO, 'test', 'support', 'genvault-real.ts');
/** What the render-feature variants add to the generator (bench/lib/features.ts). */
export const RENDER_GENERATOR = ['genvault-render.ts', 'genvault-snippets.ts'].map((file) => join(REPO, 'test', 'support', file));
export const SAMPLE_VAULT = join(REPO, 'notes');
export const SAMPLE_CONFIG = join(REPO, 'almanac.yaml');
