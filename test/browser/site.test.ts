// The published site in a real browser: Debian's Chromium driven by playwright-core.
// Builds the site, serves it on 127.0.0.1, and checks the reading aids end to end.
// Screenshots of the Sector Rotation page go to test-artifacts/ (and, with
// ALMANAC_UPDATE_SCREENSHOTS=1, to docs/ for the README).
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageElement, PageWindow } from './page-globals.js';
import { openSampleSite, type SampleSite } from './site.js';
import type { GraphData } from '../../src/publish/index.js';
import { CHROMIUM } from './chromium.js';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (or set ALMANAC_CHROMIUM).`);
}

const repo = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(repo, 'test-artifacts');

const SECTOR_ROTATION = 'rotations/sector-rotation/';
const YARDENI = 'analysts/ed-yardeni/';

describe.skipIf(!hasChromium)('published site in Chromium', () => {
  let site: SampleSite | undefined;
  let browser: Browser;
  let url: (path: string) => string;

  beforeAll(async () => {
    site = await openSampleSite();
    ({ browser, url } = site);
    await mkdir(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await site?.close();
  });

  /** A fresh context (empty storage) whose pages record console errors, almanac.js warnings and uncaught exceptions. */
  async function open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...options });
    const errors: string[] = [];
    context.on('page', (page) => watch(page, errors));
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    return { context, page, errors };
  }

  function watch(page: Page, errors: string[]): void {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: console error: ${message.text()}`);
      // almanac.js reports a reading aid that could not start as a warning; here that is a failure too.
      if (message.type() === 'warning' && message.text().startsWith('almanac:')) errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.name}: ${error.message}`));
  }

  it('searching "Yardeni" finds his note and opens it', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(SECTOR_ROTATION));
    const input = page.locator('#search input');
    await input.fill('Yardeni');
    const result = page.locator('#search .search-result-link', { hasText: 'Ed Yardeni' }).first();
    await result.click();
    await page.waitForURL(`**/${YARDENI}`);
    expect(await page.locator('article.note h1').textContent()).toBe('Ed Yardeni');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a hover preview of an internal link, and on keyboard focus', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(SECTOR_ROTATION));
    const popover = page.locator('.preview-popover');

    await page.locator(`.note-body a.internal[href$="/${YARDENI}"]`).first().hover();
    await popover.waitFor({ state: 'visible' });
    expect(await popover.locator('h1').textContent()).toBe('Ed Yardeni');
    expect(await popover.textContent()).toContain('Yardeni Research');
    // A preview shows the note, not its backlinks.
    expect(await popover.locator('.backlinks').count()).toBe(0);

    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });

    // Keyboard: focusing a link with Tab shows its preview too.
    const nvidia = page.locator('.note-body a.internal[href$="/companies/nvidia/"]').first();
    await nvidia.evaluate((link: PageElement) => {
      // Start Tab from just before the link, as a keyboard reader would reach it.
      const before = (globalThis as unknown as PageWindow).document.createElement('button');
      before.textContent = 'start';
      link.before(before);
      before.focus();
    });
    await page.keyboard.press('Tab');
    expect(await nvidia.evaluate((link: PageElement) => link === (globalThis as unknown as PageWindow).document.activeElement)).toBe(true);
    await popover.locator('h1', { hasText: 'NVIDIA' }).waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the local and global graphs as SVG, and a node click navigates', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(SECTOR_ROTATION));
    const local = page.locator('.local-graph.is-settled');
    await local.waitFor();
    expect(await local.locator('svg circle').count()).toBeGreaterThan(1);
    expect(await local.locator('a.graph-node.is-current').getAttribute('data-id')).toBe('rotations/sector-rotation');

    await local.locator('a.graph-node[data-id="analysts/ed-yardeni"] circle').click();
    await page.waitForURL(`**/${YARDENI}`);
    expect(await page.locator('article.note h1').textContent()).toBe('Ed Yardeni');

    await page.goto(url('graph/'));
    const global = page.locator('.global-graph.is-settled');
    await global.waitFor();
    const graph = (await (await page.request.get(url('graph.json'))).json()) as GraphData;
    expect(graph.nodes.length).toBeGreaterThan(1);
    expect(await global.locator('svg circle').count()).toBe(graph.nodes.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('toggles the theme, and the choice survives a reload', async () => {
    const { context, page, errors } = await open({ colorScheme: 'light' });
    await page.goto(url(SECTOR_ROTATION));
    const theme = () => page.locator('html').getAttribute('data-theme');
    const background = () =>
      page.evaluate(() => {
        const { getComputedStyle, document } = globalThis as unknown as PageWindow;
        return getComputedStyle(document.body).backgroundColor;
      });
    expect(await theme()).toBe('light');
    const light = await background();

    await page.locator('#theme-toggle').click();
    expect(await theme()).toBe('dark');
    expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await background()).not.toBe(light);

    await page.reload();
    expect(await theme()).toBe('dark');
    expect(await background()).not.toBe(light);

    await page.locator('#theme-toggle').click();
    await page.reload();
    expect(await theme()).toBe('light');
    expect(await background()).toBe(light);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the system theme on a first visit', async () => {
    const { context, page, errors } = await open({ colorScheme: 'dark' });
    await page.goto(url(SECTOR_ROTATION));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads and navigates with JavaScript off', async () => {
    const { context, page, errors } = await open({ javaScriptEnabled: false });
    await page.goto(url(SECTOR_ROTATION));
    // Search falls back to a link; the graph and the theme toggle, which need scripts, are hidden.
    expect(await page.locator('#search a').getAttribute('href')).toMatch(/search\/$/);
    expect(await page.locator('.local-graph').isHidden()).toBe(true);
    expect(await page.locator('#theme-toggle').isHidden()).toBe(true);
    // Two columns on a desktop: the side column sits to the right of the note.
    const article = await page.locator('article.note').boundingBox();
    const toc = await page.locator('nav.toc').boundingBox();
    expect(article && toc && toc.x > article.x + article.width).toBe(true);
    // Foldable callouts fold without scripts.
    const foldable = page.locator('details.callout').first();
    if ((await foldable.count()) > 0) {
      const wasOpen = await foldable.evaluate((details: PageElement) => details.open);
      await foldable.locator('summary').first().click();
      expect(await foldable.evaluate((details: PageElement) => details.open)).toBe(!wasOpen);
    }
    await page.locator(`.note-body a.internal[href$="/${YARDENI}"]`).first().click();
    await page.waitForURL(`**/${YARDENI}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('scrolls wide tables inside their wrapper on a phone, not the page', async () => {
    const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(url(SECTOR_ROTATION));
    const overflow = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageWindow;
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tables: Array.from(document.querySelectorAll('.table-wrap')).filter((wrap) => wrap.scrollWidth > wrap.clientWidth).length,
      };
    });
    expect(overflow.page).toBe(0);
    expect(overflow.tables).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the note alone, with the addresses of outside links', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(SECTOR_ROTATION));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('aside').isHidden()).toBe(true);
    expect(await page.locator('#search').isHidden()).toBe(true);
    const printed = await page.evaluate(() => {
      const { getComputedStyle, document } = globalThis as unknown as PageWindow;
      const external = document.querySelector('.note-body a[href^="http"]:not(.internal)');
      return {
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(document.body).color,
        after: external ? getComputedStyle(external, '::after').content : null,
        href: external?.href ?? null,
      };
    });
    expect(printed.background).toBe('rgb(255, 255, 255)');
    expect(printed.color).toBe('rgb(0, 0, 0)');
    if (printed.href !== null) expect(printed.after).toContain(new URL(printed.href).host);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a visible stale badge on a stale note, linking to the Stale notes page', async () => {
    const { context, page, errors } = await open();
    await page.goto(url('rotations/sector-rotation/'));
    const badge = page.locator('.note-meta .stale-badge');
    await badge.waitFor({ state: 'visible' });
    expect(await badge.textContent()).toMatch(/^Stale · \d+ days overdue$/);
    expect(await badge.getAttribute('title')).toContain('rotation notes go stale after 30 days');
    const box = await badge.boundingBox();
    expect(box && box.width > 20 && box.height > 8).toBe(true);
    await badge.click();
    await page.waitForURL(/\/stale\/$/);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await page.locator('table').textContent()).toContain('Sector Rotation');
    await page.goto(url('analysts/ed-yardeni/'));
    expect(await page.locator('.stale-badge').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('logs no console errors on the pages a reader visits', async () => {
    const { context, page, errors } = await open();
    const paths = ['', SECTOR_ROTATION, YARDENI, 'companies/nvidia/', 'graph/', 'search/'];
    for (const path of paths) {
      const response = await page.goto(url(path));
      expect(response?.status(), path).toBe(200);
      await page.locator('html.js').waitFor({ state: 'attached' });
      // Give the page's own fetches (graph.json, search index) a chance to fail loudly.
      await page.waitForLoadState('networkidle');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves screenshots of the Sector Rotation page at desktop and phone widths', async () => {
    const shots: Array<{ name: string; viewport: { width: number; height: number }; mobile: boolean }> = [
      { name: 'desktop', viewport: { width: 1280, height: 900 }, mobile: false },
      { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true },
    ];
    for (const { name, viewport, mobile } of shots) {
      const { context, page, errors } = await open({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1 });
      await page.goto(url(SECTOR_ROTATION));
      await page.locator('.local-graph.is-settled').waitFor();
      await page.evaluate(() => (globalThis as unknown as PageWindow).document.fonts.ready.then(() => true));
      const file = join(artifacts, `sector-rotation-${name}.png`);
      await page.screenshot({ path: file });
      expect(existsSync(file)).toBe(true);
      if (process.env.ALMANAC_UPDATE_SCREENSHOTS === '1') {
        await mkdir(join(repo, 'docs'), { recursive: true });
        await copyFile(file, join(repo, 'docs', `screenshot-${name}.png`));
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
