// Highlighted code in a real browser (Debian's Chromium): a keyword's colour follows the
// site's theme, the light one by default, the dark one once the reader toggles it or when
// the system prefers dark, each the colour its theme's class in assets/code.css gives.
// Screenshots of both: /tmp/almanac-code-light.png and /tmp/almanac-code-dark.png.
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/publish/index.js';
import { renderFixture } from '../support/render-plan.js';
import { tempDir, writeVault } from '../support/vault.js';
import { BASE } from './site.js';
import { serveStatic, type StaticServer } from './static-server.js';
import type { PageElement, PageWindow } from './page-globals.js';
import { ARGS, CHROMIUM } from './chromium.js';

/** `#D73A49` → `rgb(215, 58, 73)`, as getComputedStyle writes it. */
function rgb(hex: string): string {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe.skipIf(!existsSync(CHROMIUM))('highlighted code in light and dark', () => {
  let browser: Browser;
  let server: StaticServer;
  let outDir: string;
  let css: string;

  beforeAll(async () => {
    outDir = join(tempDir('almanac-code-browser-'), 'site');
    await build({ vault: writeVault({ 'Code.md': renderFixture('code.md') }), out: outDir, base: BASE, search: false, cache: false });
    css = readFileSync(join(outDir, 'assets', 'code.css'), 'utf8');
    server = await serveStatic(outDir, BASE);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  /** The colour code.css gives `name` (`--shl`/`--shd`). */
  function classColour(name: string): string {
    const match = new RegExp(`\\.${name} \\{ --sh[ld]: (#[0-9A-Fa-f]+); \\}`).exec(css);
    if (!match?.[1]) throw new Error(`code.css has no rule for .${name}`);
    return rgb(match[1]);
  }

  async function keyword(page: Page): Promise<{ colour: string; classes: string[] }> {
    const token = page.locator('pre.shiki code.language-ts span.line span', { hasText: /^const$/ }).first();
    const colour = await token.evaluate((element) => (globalThis as unknown as PageWindow).getComputedStyle(element as PageElement).color);
    const classes = ((await token.getAttribute('class')) ?? '').split(' ');
    return { colour, classes };
  }

  it('colours a keyword with the light theme, then the dark one after the toggle', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${BASE}code/`);
    await page.waitForLoadState('networkidle');
    const light = await keyword(page);
    const lightClass = light.classes.find((name) => name.startsWith('shl-')) ?? '';
    const darkClass = light.classes.find((name) => name.startsWith('shd-')) ?? '';
    expect(light.colour).toBe(classColour(lightClass));
    await page.locator('pre.shiki').first().screenshot({ path: '/tmp/almanac-code-light.png' });

    await page.locator('#theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await keyword(page);
    expect(dark.colour).toBe(classColour(darkClass));
    expect(dark.colour).not.toBe(light.colour);
    await page.locator('pre.shiki').first().screenshot({ path: '/tmp/almanac-code-dark.png' });
    // A token without a class has the theme's own text colour, not the page's.
    const plainText = await page
      .locator('pre.shiki code.language-ts')
      .evaluate((element) => (globalThis as unknown as PageWindow).getComputedStyle(element as PageElement).color);
    expect(plainText).toBe(rgb(/--shd: (#[0-9A-Fa-f]+)/.exec(css)?.[1] ?? ''));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a system that prefers dark until the reader chooses', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}code/`);
    await page.waitForLoadState('networkidle');
    const { colour, classes } = await keyword(page);
    expect(colour).toBe(classColour(classes.find((name) => name.startsWith('shd-')) ?? ''));
    await context.close();
  });
});
