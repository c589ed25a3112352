// The site under test: the sample vault (notes/) built by the library's build(), at a
// sub-path base so that every script-made URL is checked to honour it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/publish/index.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export const BASE = '/almanac/';

/** Builds the sample site, search index included, into a fresh temporary folder. */
export async function buildSite(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'almanac-browser-'));
  await build({ cwd: repo, out, base: BASE });
  return out;
}
