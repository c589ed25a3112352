// Mermaid diagrams in a real browser (Debian's Chromium): the loader fetches mermaid.min.js
// from the site's own assets (no other host is asked for anything), draws an SVG after the
// source, draws again in the dark theme on the toggle, and leaves an invalid diagram's source
// visible; no page errors. Screenshot: /tmp/almanac-mermaid.png.
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

const VALID = 'graph TD\n  A[Start] --> B{Decide}\n  B -->|Yes| C[Ship it]';
const INVALID = 'graph TD\n  A --> --> ((( not a diagram';

describe.skipIf(!existsSync(CHROMIUM))('mermaid diagrams', () => {
  let browser: Browser;
  let server: StaticServer;
  let outDir: string;

  beforeAll(async () => {
    outDir = join(tempDir('almanac-mermaid-browser-'), 'site');
    const files = {
      'Diagrams.md': `# Diagrams\n\n\`\`\`mermaid\n${VALID}\n\`\`\`\n\nBetween.\n\n\`\`\`mermaid\n${INVALID}\n\`\`\`\n`,
    };
    await build({ vault: writeVault(files), out: outDir, base: BASE, search: false, cache: false });
    server = await serveStatic(outDir, BASE);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('draws the valid diagram from the site’s own Mermaid, keeps the invalid one’s source, redraws in dark', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${BASE}diagrams/`);

    const [valid, invalid] = [page.locator('pre.mermaid').nth(0), page.locator('pre.mermaid').nth(1)];
    const svg = page.locator('pre.mermaid + .mermaid-diagram > svg');
    await svg.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => invalid.getAttribute('class')).toContain('mermaid-error');
    await page.waitForLoadState('networkidle');

    expect(await svg.count()).toBe(1);
    expect(await page.locator('.mermaid-diagram svg').textContent()).toContain('Ship it');
    expect(await valid.isHidden()).toBe(true);
    // The invalid diagram: its source, as written, still shown; no error graphic left anywhere.
    expect(await invalid.isVisible()).toBe(true);
    expect(await invalid.textContent()).toBe(INVALID);
    expect(await page.locator('body > [id^="dalmanac-mermaid"], body > svg').count()).toBe(0);

    expect(requests.some((url) => url === `${server.origin}${BASE}assets/js/vendor/mermaid.min.js`)).toBe(true);
    expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.locator('.mermaid-diagram').screenshot({ path: '/tmp/almanac-mermaid.png' });

    // Drawn again in Mermaid's dark theme: the SVG (its own stylesheet included) changes.
    const drawing = (): Promise<string> => page.locator('.mermaid-diagram').innerHTML();
    const lightDrawing = await drawing();
    await page.locator('#theme-toggle').click();
    await expect.poll(drawing, { timeout: 15_000 }).not.toBe(lightDrawing);
    expect(await drawing()).toContain('Ship it');
    expect(await svg.count()).toBe(1);
    await page.locator('.mermaid-diagram').screenshot({ path: '/tmp/almanac-mermaid-dark.png' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not fetch Mermaid on a page without a diagram', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${server.origin}${BASE}`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('mermaid'))).toEqual([]);
    await context.close();
  });
});
