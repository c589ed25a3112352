// The site under test: the sample vault (notes/) built by the library's build(), at a
// sub-path base so that every script-made URL is checked to honour it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from '../../src/publish/index.js';
import { ARGS, CHROMIUM } from './chromium.js';
import { serveStatic } from './static-server.js';

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

/** The sample site built, served on 127.0.0.1 at BASE, and a Chromium to read it with. */
export interface SampleSite {
  browser: Browser;
  outDir: string;
  /** The server's origin (http://127.0.0.1:port). */
  origin: string;
  /** The served URL of a site path (relative to BASE). */
  url: (path: string) => string;
  /** Close the browser and the server, remove the build. */
  close: () => Promise<void>;
}

export async function openSampleSite(): Promise<SampleSite> {
  const outDir = await buildSite();
  const server = await serveStatic(outDir, BASE);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    browser,
    outDir,
    origin: server.origin,
    url: (path) => `${server.origin}${BASE}${path}`,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
