// Math in a real browser (Debian's Chromium): KaTeX's build-time HTML laid out by its
// stylesheet, inline and display formulas with a real size, KaTeX's fonts fetched from the
// site's own assets (woff2) and loaded, a display formula wider than inline text, and no
// console errors or requests to any other host. Screenshot: /tmp/almanac-math.png.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/publish/index.js';
import { tempDir, writeVault } from '../support/vault.js';
import { BASE } from './site.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ARGS, CHROMIUM } from './chromium.js';

const NOTE = [
  '# Formulas',
  '',
  'Inline $e^{i\\pi} + 1 = 0$ and $\\mathbb{R}^n$ in a sentence that costs $5 and $10.',
  '',
  '$$',
  '\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2} \\qquad \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '$$',
  '',
].join('\n');

describe.skipIf(!existsSync(CHROMIUM))('math', () => {
  let browser: Browser;
  let server: StaticServer;
  let outDir: string;

  beforeAll(async () => {
    outDir = join(tempDir('almanac-math-browser-'), 'site');
    await build({ vault: writeVault({ 'Formulas.md': NOTE }), out: outDir, base: BASE, search: false, cache: false });
    server = await serveStatic(outDir, BASE);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('lays out inline and display math with KaTeX’s own fonts, and logs no errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const fonts: Array<[string, number]> = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (/\.woff2$/.test(response.url())) fonts.push([response.url(), response.status()]);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${BASE}formulas/`);
    await page.waitForLoadState('networkidle');
    await page.evaluate('document.fonts.ready');

    const inline = page.locator('.math-inline .katex');
    const display = page.locator('.math-display .katex-display');
    expect(await inline.count()).toBe(2);
    expect(await display.count()).toBe(1);
    for (const box of [await inline.first().boundingBox(), await inline.nth(1).boundingBox(), await display.boundingBox()]) {
      expect(box?.width).toBeGreaterThan(10);
      expect(box?.height).toBeGreaterThan(10);
    }
    // Display math is centred on its own line and taller than a line of text.
    const paragraph = await page.locator('p', { hasText: 'Inline' }).boundingBox();
    const block = await display.boundingBox();
    expect(block?.height ?? 0).toBeGreaterThan(40);
    expect(block?.y ?? 0).toBeGreaterThan((paragraph?.y ?? 0) + (paragraph?.height ?? 0) - 1);
    // The MathML is there for assistive technology, visually clipped by KaTeX's stylesheet.
    const mathml = await page.locator('.katex-mathml').first().boundingBox();
    expect(mathml?.width ?? 0).toBeLessThanOrEqual(1);

    // KaTeX's fonts came from the site, as woff2, and are loaded.
    expect(fonts.length).toBeGreaterThan(0);
    for (const [url, status] of fonts) {
      expect(url.startsWith(`${server.origin}${BASE}assets/katex/fonts/`)).toBe(true);
      expect(status).toBe(200);
    }
    expect(
      await page.evaluate(
        `document.fonts.check('16px KaTeX_Main') && [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded')`,
      ),
    ).toBe(true);
    expect(requests.every((url) => url.startsWith(server.origin))).toBe(true);
    // The money stayed text.
    expect(await page.locator('p', { hasText: 'Inline' }).textContent()).toContain('costs $5 and $10.');
    expect(errors).toEqual([]);
    await page.screenshot({ path: '/tmp/almanac-math.png', fullPage: true });
    await context.close();
  });
});
