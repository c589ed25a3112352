// A copy of the compiled Almanac (bin/, dist/, templates/, package.json) taken when the
// run starts, so every measurement runs the same code even when dist/ is recompiled
// meanwhile (the test suite does that). It sits inside the repository, so packages
// still resolve from node_modules/.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, REPO } from './paths.js';

export interface Snapshot {
  dir: string;
  /** `bin/almanac.js` of the copy. */
  bin: string;
  remove: () => void;
}

export function snapshotAlmanac(): Snapshot {
  if (!existsSync(join(REPO, 'dist', 'cli', 'index.js'))) throw new Error('dist/ is missing: run `npm run build:ts` (npm ci does it) first');
  const dir = join(OUT, `almanac-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  return { dir, bin: join(dir, 'bin', 'almanac.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
