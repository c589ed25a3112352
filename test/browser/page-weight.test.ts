// What a reader downloads for one note page of a generated 3,000-note site, counted in a real
// browser (every response's body: HTML, CSS, JS, data): at most 150 KB, whatever the size of
// the site, since the local graph's data is inlined in the page and graph.json is fetched by
// the /graph/ page alone. Measured on the note with the most neighbours and on the largest
// page; the local graph must still draw.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult, type LocalGraph, type NotePage } from '../../src/publish/index.js';
import { LOCAL_LIMIT } from '../../src/publish/pages/graph-data.js';
import { generateVault } from '../support/genvault.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ARGS, CHROMIUM } from './chromium.js';

const BUDGET = 150_000;

const neighbours = (page: NotePage): number => (JSON.parse(page.localGraph ?? '{}') as Partial<LocalGraph>).total ?? 0;

describe.skipIf(!existsSync(CHROMIUM))('a note page of a 3,000-note site', () => {
  const root = mkdtempSync(join(tmpdir(), 'almanac-weight-'));
  let site: BuildResult;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    generateVault({ out: join(root, 'vault'), notes: 3000, seed: 7 });
    site = await build({ vault: join(root, 'vault'), out: join(root, 'site'), today: '2026-06-01' });
    server = await serveStatic(site.outDir, '/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Every response's body size, by URL, once the page and its graph have settled. */
  async function weigh(url: string): Promise<{ bytes: Map<string, number>; circles: number }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const bodies: Array<Promise<[string, number]>> = [];
    page.on('response', (response) => {
      bodies.push(
        response.body().then(
          (body) => [response.url(), body.length] as [string, number],
          () => [response.url(), 0] as [string, number],
        ),
      );
    });
    await page.goto(`${server.origin}${url}`);
    await page.locator('.local-graph.is-settled').waitFor();
    await page.waitForLoadState('networkidle');
    const circles = await page.locator('.local-graph svg circle').count();
    const bytes = new Map(await Promise.all(bodies));
    await context.close();
    return { bytes, circles };
  }

  it('fetches at most 150 KB in all, no graph.json, and draws its local graph', async () => {
    const notes = site.plan.pages.notes;
    const hub = notes.reduce((a, b) => (neighbours(b) > neighbours(a) ? b : a));
    const largest = notes.reduce((a, b) => (statSync(join(site.outDir, b.output)).size > statSync(join(site.outDir, a.output)).size ? b : a));
    for (const page of new Set([hub, largest])) {
      const { bytes, circles } = await weigh(page.url);
      const total = [...bytes.values()].reduce((sum, n) => sum + n, 0);
      console.info(`${page.url}: ${bytes.size} responses, ${total} bytes (${neighbours(page)} neighbours, ${circles} drawn)`);
      expect(total, page.url).toBeLessThanOrEqual(BUDGET);
      expect([...bytes.keys()].filter((url) => url.endsWith('/graph.json'))).toEqual([]);
      expect(bytes.get(`${server.origin}${page.url}`)).toBeGreaterThan(0);
      expect(circles, page.url).toBe(Math.min(neighbours(page), LOCAL_LIMIT) + 1);
    }
    // The whole graph is for the /graph/ page: compact, about 230 bytes a note here.
    expect(statSync(join(site.outDir, 'graph.json')).size).toBeLessThan(300 * notes.length);
  }, 60_000);
});
