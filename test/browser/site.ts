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
/** On this date the January rotation and ETF notes are past their 30-day policy. */
export const STALE_TODAY = '2026-03-01';

export async function buildSite(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'almanac-browser-'));
  // A date after the sample's rotation and ETF notes went stale, so their pages carry the badge.
  await build({ cwd: repo, out, base: BASE, today: STALE_TODAY });
  return out;
}
