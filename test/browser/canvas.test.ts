// A canvas page in a real browser (Debian's Chromium): the fixture board of
// test/fixtures/canvas/ built at a sub-path base, its cards where the file puts them (relative
// to the board, the group's corner being the board's origin less the padding), its edges drawn
// as SVG paths with a visible length, no console errors, in light and dark (screenshots in /tmp).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/publish/index.js';
import { canvasFixture } from '../support/canvas.js';
import { tempDir, writeVault } from '../support/vault.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ARGS, CHROMIUM } from './chromium.js';

const BASE = '/almanac/';

/** The browser globals the page.evaluate callback reads (the project compiles without lib.dom). */
interface CanvasElement {
  readonly dataset: Record<string, string | undefined>;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  getTotalLength(): number;
}
interface CanvasWindow {
  readonly document: { querySelector(selector: string): CanvasElement | null; querySelectorAll(selector: string): Iterable<CanvasElement> };
  getComputedStyle(element: CanvasElement): { visibility: string; stroke: string };
}

describe.skipIf(!existsSync(CHROMIUM))('canvas page in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const out = join(tempDir(), 'site');
    await build({ vault: writeVault(canvasFixture()), out, base: BASE, search: false });
    server = await serveStatic(out, BASE);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`shows every card at its place and draws the edges (${theme})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: theme });
      const page = await context.newPage();
      const errors: string[] = [];
      const missing: string[] = [];
      page.on('response', (response) => {
        if (response.status() === 404) missing.push(new URL(response.url()).pathname);
      });
      page.on('console', (message) => {
        // The hostile card's `<img src=x>` (its handler removed) is the one file the page lacks.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}${BASE}boards/plan-canvas/`);
      const places = await page.evaluate(() => {
        const w = globalThis as unknown as CanvasWindow;
        const board = w.document.querySelector('.canvas-board')?.getBoundingClientRect();
        const nodes = [...w.document.querySelectorAll('.canvas-node')].map((node) => {
          const box = node.getBoundingClientRect();
          const visible = w.getComputedStyle(node).visibility !== 'hidden' && box.width > 0 && box.height > 0;
          return {
            id: node.dataset.nodeId,
            x: Math.round(box.left - (board?.left ?? 0)),
            y: Math.round(box.top - (board?.top ?? 0)),
            width: Math.round(box.width),
            visible,
          };
        });
        const edges = [...w.document.querySelectorAll('.canvas-edge-path')].map((path) => ({
          length: Math.round(path.getTotalLength()),
          stroke: w.getComputedStyle(path).stroke,
        }));
        return { nodes, edges };
      });
      expect(places.nodes).toEqual([
        { id: 'group1', x: 40, y: 40, width: 760, visible: true },
        { id: 'intro', x: 80, y: 100, width: 300, visible: true },
        { id: 'note', x: 480, y: 100, width: 280, visible: true },
        { id: 'chart', x: 480, y: 340, width: 200, visible: true },
        { id: 'site', x: 80, y: 320, width: 300, visible: true },
        { id: 'broken', x: 880, y: 100, width: 240, visible: true },
        { id: 'evil', x: 880, y: 300, width: 240, visible: true },
      ]);
      expect(places.edges).toHaveLength(3);
      for (const edge of places.edges) {
        expect(edge.length).toBeGreaterThan(40);
        expect(edge.stroke).not.toBe('none');
      }
      expect(await page.locator('.canvas-group-label').textContent()).toBe('Research plan');
      await page.screenshot({ path: `/tmp/almanac-canvas-${theme}.png`, fullPage: true });
      expect(errors).toEqual([]);
      expect(missing).toEqual([`${BASE}boards/plan-canvas/x`]);
      await context.close();
    }, 60_000);
  }
});
