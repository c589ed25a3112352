// What a reader of the sample site sees on a phone and a desktop, light and dark (issue 17,
// items 4, 5, 7, 9, 10): tags shown once, dark-mode images, listings and folder pages,
// breadcrumbs, the explorer, page meta, tables on phones. Chromium (Debian's) via playwright-core.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/publish/index.js';
import { writeVault } from '../support/vault.js';
import { BASE, buildSite } from './site.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ARGS, CHROMIUM } from './chromium.js';

const SECTOR_ROTATION = 'rotations/sector-rotation/';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

// A small vault of what the sample lacks: a footnote (its visually hidden heading) and an SVG chart.
const SMALL = {
  'Charts/Chart note.md': '---\ntags: [charts]\n---\nSales rose in the year.[^1]\n\n![[chart.svg]]\n\n[^1]: Company filings.\n',
  'Charts/chart.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="50" height="50" fill="#2a5db0"/><text x="70" y="40">Sales</text></svg>',
};

describe.skipIf(!existsSync(CHROMIUM))('reader layout in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let small: StaticServer;
  let outDir: string;
  const url = (path: string): string => `${server.origin}${BASE}${path}`;

  beforeAll(async () => {
    outDir = await buildSite();
    server = await serveStatic(outDir, BASE);
    const root = writeVault(Object.fromEntries(Object.entries(SMALL).map(([path, text]) => [`vault/${path}`, text])));
    await build({ vault: join(root, 'vault'), out: join(root, 'site'), search: false, cache: false });
    small = await serveStatic(join(root, 'site'), '/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await small?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function open(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, colorScheme });
    context.setDefaultTimeout(15_000);
    return { context, page: await context.newPage() };
  }

  it('shows the frontmatter tags as header pills and the inline tag line once, in the text (item 5)', async () => {
    const { context, page } = await open(PHONE);
    await page.goto(url(SECTOR_ROTATION));
    // Frontmatter: tags: [concept, markets/rotation, macro]; the body opens with #concept #markets #rotation #macro.
    expect(await page.locator('.note-meta a.tag').allTextContents()).toEqual(['#concept', '#markets/rotation', '#macro']);
    expect(await page.locator('.note-body a.tag').allTextContents()).toEqual(['#concept', '#markets', '#rotation', '#macro']);
    await page.screenshot({ path: '/tmp/almanac-reader-tags-phone.png' });
    await context.close();
  });

  it('hides the footnotes heading and gives an SVG chart a light surface in dark mode (item 7)', async () => {
    const { context, page } = await open(PHONE, 'dark');
    await page.goto(`${small.origin}/charts/chart-note/`);
    const heading = await page.locator('.footnotes h2').boundingBox();
    expect(heading === null || (heading.width <= 1 && heading.height <= 1)).toBe(true);
    const background = await page
      .locator('.note-body img')
      .first()
      .evaluate(
        (img) => (globalThis as unknown as { getComputedStyle: (element: unknown) => { backgroundColor: string } }).getComputedStyle(img).backgroundColor,
      );
    // Not transparent: the chart's dark text stays readable on the dark page.
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: '/tmp/almanac-reader-dark-chart.png' });
    await context.close();
  });

  it('sets a listing note apart from its title and gives folder pages a header, counts and a table (item 9)', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(url('analysts/'));
    expect(await page.locator('main h1').textContent()).toBe('Analysts');
    expect(await page.locator('.listing-intro').textContent()).toBe('10 notes in the folder Analysts/.');
    expect(await page.locator('main table.note-table tbody tr').count()).toBe(10);
    expect(await page.locator('main table.note-table thead th').allTextContents()).toEqual(expect.arrayContaining(['Note', 'type', 'updated']));
    await page.screenshot({ path: '/tmp/almanac-reader-folder.png' });
    await page.goto(url('tags/macro/'));
    const item = page.locator('ul.listing li:has(.listing-note)').first();
    const gap = await item.evaluate((li) => {
      const link = li.querySelector('a')?.getBoundingClientRect();
      const note = li.querySelector('.listing-note')?.getBoundingClientRect();
      return link && note ? note.left - link.right : 0;
    });
    expect(gap).toBeGreaterThanOrEqual(8);
    await context.close();
  });
});
