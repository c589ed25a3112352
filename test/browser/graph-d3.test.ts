// The graphs drawn by d3 in a real browser (Debian's Chromium): d3's UMD builds are
// copied byte for byte from node_modules, fetched only by pages that draw a graph (the
// zoom packages only by the global graph), and the global graph zooms by wheel and
// buttons, pans by drag without following a link, and fits again.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleSite, type SampleSite } from './site.js';
import { CHROMIUM } from './chromium.js';

const FORCE = ['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force'];
const ZOOM = ['d3-color', 'd3-interpolate', 'd3-ease', 'd3-selection', 'd3-transition', 'd3-drag', 'd3-zoom'];

describe.skipIf(!existsSync(CHROMIUM))('graphs drawn with d3-force and d3-zoom', () => {
  let site: SampleSite | undefined;
  let browser: Browser;
  let outDir: string;
  let url: (path: string) => string;

  beforeAll(async () => {
    site = await openSampleSite();
    ({ browser, outDir, url } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  /** The d3 packages a page fetched, and the errors it logged. */
  async function visit(path: string, ready: string | null): Promise<{ page: Page; d3: string[]; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const d3: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const match = /\/vendor\/(d3-[a-z]+)\.min\.js$/.exec(request.url());
      if (match?.[1]) d3.push(match[1]);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().startsWith('almanac:')) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url(path));
    if (ready) await page.locator(ready).waitFor();
    await page.waitForLoadState('networkidle');
    return { page, d3, errors, close: () => context.close() };
  }

  const scale = async (page: Page): Promise<number> => {
    const transform = (await page.locator('.global-graph .graph-world').getAttribute('transform')) ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
  };

  it('ships each d3 package as its own dist/*.min.js, byte for byte', () => {
    const require = createRequire(import.meta.url);
    for (const name of [...FORCE, ...ZOOM]) {
      const shipped = readFileSync(join(outDir, 'assets', 'js', 'vendor', `${name}.min.js`));
      expect(shipped.equals(readFileSync(join(dirname(require.resolve(name)), `${name}.min.js`))), name).toBe(true);
    }
  });

  it('fetches d3-force on a note with a local graph, d3-zoom only on the global graph, no d3 elsewhere', async () => {
    const note = await visit('rotations/sector-rotation/', '.local-graph.is-settled');
    expect(note.d3.sort()).toEqual([...FORCE].sort());
    expect(note.errors).toEqual([]);
    await note.close();
    const graph = await visit('graph/', '.global-graph.is-settled');
    expect(graph.d3.sort()).toEqual([...FORCE, ...ZOOM].sort());
    expect(graph.errors).toEqual([]);
    await graph.close();
    const search = await visit('search/', null);
    expect(search.d3).toEqual([]);
    await search.close();
  });

  it('zooms by wheel and buttons within its limits, pans by drag without following a link, and fits again', async () => {
    const { page, errors, close } = await visit('graph/', '.global-graph.is-settled');
    const fitted = await scale(page);
    expect(fitted).toBeGreaterThan(0);
    const before = page.url();
    const node = await page.locator('.global-graph a.graph-node circle').first().boundingBox();
    if (!node) throw new Error('no node');
    const transform = await page.locator('.global-graph .graph-world').getAttribute('transform');
    await page.mouse.move(node.x + node.width / 2, node.y + node.height / 2);
    await page.mouse.down();
    await page.mouse.move(node.x + 60, node.y + 40, { steps: 5 });
    await expect.poll(() => page.locator('.global-graph .graph-world').getAttribute('transform')).not.toBe(transform);
    // Back onto the node and released there: a drag, not a click on its link.
    await page.mouse.move(node.x + node.width / 2, node.y + node.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => scale(page)).toBeCloseTo(fitted * 1.5, 3);
    const box = await page.locator('.global-graph svg').boundingBox();
    if (!box) throw new Error('no graph box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 100); // e^(−0.2)
    await expect.poll(() => scale(page)).toBeCloseTo(fitted * 1.5 * Math.exp(-0.2), 3);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, -500);
    await expect.poll(() => scale(page)).toBeCloseTo(fitted * 8, 3);

    await page.getByRole('button', { name: 'Fit the whole graph' }).click();
    await expect.poll(() => scale(page)).toBeCloseTo(fitted, 3);
    expect(errors).toEqual([]);
    await close();
  });
});
