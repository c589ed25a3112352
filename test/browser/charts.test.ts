// Charts and row anchors in a real browser (Debian's Chromium), on the sample site: XMAG's
// monthly-flow chart drawn from its table in the light and the dark theme (bars in each
// theme's accent colour; screenshots /tmp/E/xmag-chart-light.png and -dark.png), and a
// "Mentioned in tables" row link on NVIDIA's page landing on its row of Sector Rotation.
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleSite, type SampleSite } from './site.js';
import { CHROMIUM } from './chromium.js';

const SHOTS = '/tmp/E';

/** The computed fill of an SVG element (the page's, so it follows the theme's CSS variables). */
function fillOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => (globalThis as unknown as { getComputedStyle(node: unknown): { fill: string } }).getComputedStyle(element).fill);
}

describe.skipIf(!existsSync(CHROMIUM))('charts and row anchors in a browser', () => {
  let site: SampleSite | undefined;
  let browser: Browser;
  let url: (path: string) => string;

  beforeAll(async () => {
    site = await openSampleSite();
    ({ browser, url } = site);
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('draws the XMAG chart in the light theme, then the dark one, with a titled bar per month', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url('etfs/xmag/'));
    await page.waitForLoadState('networkidle');
    const chart = page.locator('figure.chart').first();
    await chart.scrollIntoViewIfNeeded();
    const bars = chart.locator('rect[class^="chart-s"]');
    expect(await bars.count()).toBe(12);
    expect(await bars.nth(11).locator('title').textContent()).toBe('Dec: ~$38M');
    expect(await bars.nth(5).getAttribute('class')).toContain('chart-negative');
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    const light = await fillOf(bars.first());
    expect(light).toBe('rgb(42, 93, 176)');
    await chart.screenshot({ path: `${SHOTS}/xmag-chart-light.png` });

    await page.locator('#theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await fillOf(bars.first());
    expect(dark).toBe('rgb(134, 176, 250)');
    await chart.screenshot({ path: `${SHOTS}/xmag-chart-dark.png` });
    expect(await chart.locator('figcaption').textContent()).toBe('Source: feed xmag-flows · as of 2026-01-14');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a row link on NVIDIA’s page scrolls Sector Rotation to that row and marks it', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    await page.goto(url('companies/nvidia/'));
    await page.waitForLoadState('networkidle');
    const link = page.locator('.mentioned a.row-link[href$="#row-analyst-12-month-price-targets-jan-2026-nvidia"]');
    await link.click();
    await page.waitForURL(/sector-rotation\/#row-analyst-12-month-price-targets-jan-2026-nvidia$/);
    const row = page.locator('#row-analyst-12-month-price-targets-jan-2026-nvidia');
    expect(await row.locator('td').nth(1).textContent()).toBe('+39%');
    await expect.poll(async () => (await row.boundingBox())?.y ?? -1).toBeGreaterThan(0);
    const y = (await row.boundingBox())?.y ?? -1;
    expect(y).toBeLessThan(800 / 2);
    const marked = await row
      .locator('td')
      .first()
      .evaluate(
        (element) => (globalThis as unknown as { getComputedStyle(node: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor,
      );
    expect(marked).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: `${SHOTS}/row-anchor.png` });
    await context.close();
  });
});
