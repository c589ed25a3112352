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

  it("keeps a wide table's first column in view while it scrolls, and lays listing tables out as cards on a phone (item 4)", async () => {
    const { context, page } = await open(PHONE);
    await page.goto(url(SECTOR_ROTATION));
    // The returns table: after scrolling sideways the stock names are still on screen.
    const wrap = page.locator('.note-body .table-wrap:has(th:text-is("2021"))').first();
    await wrap.scrollIntoViewIfNeeded();
    const before = await wrap.locator('tbody tr:first-child > :first-child').boundingBox();
    await wrap.evaluate((element) => {
      (element as unknown as { scrollLeft: number }).scrollLeft = 240;
    });
    const after = await wrap.locator('tbody tr:first-child > :first-child').boundingBox();
    if (!before || !after) throw new Error('no returns table');
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    await page.screenshot({ path: '/tmp/almanac-reader-table-phone.png' });
    // The Stale page (a stale date): each note is a card, its key fields on screen.
    await page.goto(url('stale/'));
    const card = page.locator('.note-table tbody tr').first();
    const box = await card.boundingBox();
    const overdue = await card.locator('td').last().boundingBox();
    if (!box || !overdue) throw new Error('no stale notes');
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(overdue.x + overdue.width).toBeLessThanOrEqual(PHONE.width);
    expect(
      await card
        .locator('td')
        .last()
        .evaluate(
          (td) => (globalThis as unknown as { getComputedStyle: (e: unknown, p: string) => { content: string } }).getComputedStyle(td, '::before').content,
        ),
    ).toBe('"days overdue: "');
    await context.close();
  });

  it('has an explorer a keyboard can open and close, which remembers folders across pages (item 10)', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(url(SECTOR_ROTATION));
    const explorer = page.locator('nav.explorer');
    expect(await explorer.isVisible()).toBe(true);
    // The page's folder is open and the page marked; another folder is closed.
    expect(await explorer.locator('details[data-folder="Rotations"]').getAttribute('open')).toBe('');
    expect(await explorer.locator('a[aria-current="page"]').textContent()).toBe('Sector Rotation');
    const analysts = explorer.locator('details[data-folder="Analysts"]');
    expect(await analysts.getAttribute('open')).toBeNull();
    await analysts.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await analysts.getAttribute('open')).toBe('');
    // Another page: the opened folder is still open.
    await page.goto(url('etfs/xlk/'));
    expect(await page.locator('nav.explorer details[data-folder="Analysts"]').getAttribute('open')).toBe('');
    // Breadcrumbs: home, the folder, the page.
    expect(await page.locator('nav[aria-label="Breadcrumb"] li').allTextContents()).toEqual(['Market Research Almanac', 'ETFs', 'XLK']);
    await page.screenshot({ path: '/tmp/almanac-reader-explorer.png' });
    await context.close();
  });
});
