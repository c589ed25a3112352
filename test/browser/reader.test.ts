// Issue 17 in a real browser, on the sample site: search ranks names first and is driven by
// the keyboard (a combobox over a listbox); backlinks are grouped, one line a note; hover
// previews mark no internal link as external; the local graph of a hub stays small, and on a
// phone the contents come before the backlinks.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, openSampleSite, type SampleSite } from './site.js';
import { CHROMIUM } from './chromium.js';

const SECTOR_ROTATION = 'rotations/sector-rotation/';

describe.skipIf(!existsSync(CHROMIUM))('reading the sample site (issue 17)', () => {
  let site: SampleSite | undefined;
  let browser: Browser;
  let url: (path: string) => string;

  beforeAll(async () => {
    site = await openSampleSite();
    ({ browser, url } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  async function open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', ...options });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`uncaught ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || (message.type() === 'warning' && message.text().startsWith('almanac:'))) errors.push(message.text());
    });
    return { context, page, errors };
  }

  /** The result titles shown for `query`, once the announcement names it. */
  async function results(page: Page, query: string): Promise<string[]> {
    const input = page.locator('#search input');
    await input.fill(query);
    await page.locator('#search .search-announce', { hasText: `“${query}”` }).waitFor({ state: 'attached' });
    return page.locator('#search .search-result-link').allTextContents();
  }

  it('ranks a title or alias match above passing mentions', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(''));
    expect((await results(page, 'rotation'))[0]).toBe('Sector Rotation');
    expect((await results(page, 'nvda'))[0]).toBe('NVIDIA');
    expect((await results(page, 'nvidia'))[0]).toBe('NVIDIA');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(''));
    const input = page.locator('#search input');
    const shown = await results(page, 'rotation');
    expect(shown.length).toBeGreaterThan(2);
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
    expect(await listbox.getAttribute('role')).toBe('listbox');
    expect(await listbox.locator('[role="option"]').count()).toBe(shown.length);
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const chosen = page.locator(`[id="${await input.getAttribute('aria-activedescendant')}"]`);
    expect(await chosen.getAttribute('aria-selected')).toBe('true');
    expect(await chosen.locator('.search-result-link').textContent()).toBe(shown[1]);
    await input.press('ArrowUp');
    await input.press('ArrowDown');
    // Focus never left the box.
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } | null } }).document.activeElement?.className),
    ).toBe('search-input');
    const target = await chosen.locator('.search-result-link').getAttribute('href');
    await input.press('Enter');
    await page.waitForURL(target ?? 'none');
    expect(await page.locator('article.note h1').textContent()).toBe(shown[1]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the top result on Enter, even typed faster than the search runs', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(''));
    const input = page.locator('#search input');
    await input.focus();
    await page.keyboard.type('nvda');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${BASE}companies/nvidia/`);
    expect(await page.locator('article.note h1').textContent()).toBe('NVIDIA');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('separates table cells and rows in excerpts', async () => {
    const { context, page } = await open();
    await page.goto(url(SECTOR_ROTATION));
    // The events' fact tables: | Field | Value |, then | Period | 2016 | and so on.
    await results(page, 'field value period');
    const excerpts = await page.locator('#search .search-result-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const text of excerpts) expect(text).toMatch(/Field \| Value \/ Period \| /);
    await context.close();
  });

  it("keeps a hub's backlinks short on a phone: closed past ten notes, one sentence each, by type then title", async () => {
    const { context, page, errors } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(url(SECTOR_ROTATION));
    const section = page.locator('section.backlinks');
    const details = section.locator('details.backlinks-details');
    expect(await details.evaluate((element: { open?: boolean }) => element.open)).toBe(false);
    expect((await section.boundingBox())?.height).toBeLessThan(150);
    expect(await section.locator('.backlinks-count').textContent()).toMatch(/^\d\d+$/);
    await section.locator('summary h2').click();
    const items = section.locator('.backlinks-details > ul > li');
    const count = await items.count();
    expect(count).toBeGreaterThan(10);
    // One sentence shown per note (the others are inside closed "n more" details).
    for (let i = 0; i < count; i++) expect(await items.nth(i).locator('.backlink-context:visible').count()).toBeLessThanOrEqual(1);
    const more = section.locator('.backlink-more').first();
    const hidden = await more.locator('.backlink-context').count();
    expect(hidden).toBeGreaterThan(0);
    expect(await more.locator('summary').textContent()).toBe(`${hidden} more`);
    await more.locator('summary').click();
    expect(await more.locator('.backlink-context:visible').count()).toBe(hidden);
    // Grouped by type: each type's heading once, the titles under it in order.
    const types = await section.locator('.backlinks-type').allTextContents();
    expect(new Set(types).size).toBe(types.length);
    expect(types.length).toBeGreaterThan(2);
    for (const list of await section.locator('.backlinks-details > ul').all()) {
      const titles = await list.locator(':scope > li > a.internal').allTextContents();
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks no internal link in a hover preview as external: type, stale badge and tags keep no ↗', async () => {
    const { context, page, errors } = await open();
    await page.goto(url(''));
    await page.locator(`.note-body a.internal[href="${BASE}${SECTOR_ROTATION}"]`).first().hover();
    const popover = page.locator('.preview-popover.is-visible');
    await popover.waitFor();
    for (const selector of ['.note-type', '.stale-badge', '.tag']) expect(await popover.locator(selector).count(), selector).toBeGreaterThan(0);
    type Styled = { getAttribute(name: string): string | null };
    const arrows = await popover.locator('a').evaluateAll((links: Styled[]) => {
      const { getComputedStyle } = globalThis as unknown as { getComputedStyle(el: Styled, pseudo: string): { content: string } };
      return links.filter((link) => getComputedStyle(link, '::after').content.includes('↗')).map((link) => link.getAttribute('href'));
    });
    // Only links that leave the site may carry the arrow.
    const origin = new URL(site?.origin ?? '').origin;
    expect(arrows.filter((href) => href === null || !/^https?:/.test(href) || new URL(href).origin === origin)).toEqual([]);
    // Links in the preview still lead where they did on the page they came from.
    const type = await popover.locator('.note-type').first().getAttribute('href');
    expect(new URL(type ?? '', page.url()).pathname).toMatch(new RegExp(`^${BASE}`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("draws a hub's local graph small: at most 30 neighbours, names by degree that never overlap, no web of side links", async () => {
    const { context, page, errors } = await open();
    await page.goto(url(SECTOR_ROTATION));
    const graph = page.locator('.local-graph.is-settled');
    await graph.waitFor();
    const circles = await graph.locator('svg circle').count();
    expect(circles).toBeGreaterThan(20);
    expect(circles).toBeLessThanOrEqual(31);
    const boxes = [];
    for (const label of await graph.locator('.graph-label.is-labelled').all()) {
      const box = await label.boundingBox();
      if (box) boxes.push(box);
    }
    expect(boxes.length).toBeGreaterThan(2);
    expect(boxes.length).toBeLessThanOrEqual(9);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
    // The links between neighbours show only with a hovered node's neighbourhood.
    type Styled = { getAttribute(name: string): string | null };
    const opacity = (lines: Styled[]): number[] => {
      const { getComputedStyle } = globalThis as unknown as { getComputedStyle(el: Styled): { opacity: string } };
      return lines.map((line) => Number(getComputedStyle(line).opacity));
    };
    const side = graph.locator('.graph-link.is-secondary');
    expect(await side.count()).toBeGreaterThan(0);
    expect((await side.evaluateAll(opacity)).filter((value) => value > 0)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts the contents first on a phone, closed, and in the side column on a desktop', async () => {
    for (const [width, height] of [
      [390, 844],
      [1440, 900],
    ] as const) {
      const { context, page } = await open({ viewport: { width, height } });
      await page.goto(url(SECTOR_ROTATION));
      const inline = page.locator('article .toc-inline');
      const side = page.locator('aside nav.toc');
      if (width < 960) {
        expect(await inline.isVisible()).toBe(true);
        expect(await side.isVisible()).toBe(false);
        expect(await inline.evaluate((element: { open?: boolean }) => element.open)).toBe(false);
        const top = (await inline.boundingBox())?.y ?? Infinity;
        expect(top).toBeLessThan((await page.locator('.note-body').boundingBox())?.y ?? 0);
        await inline.locator('summary').click();
        const first = inline.locator('a').first();
        expect(await first.isVisible()).toBe(true);
        await first.click();
        expect(new URL(page.url()).hash).not.toBe('');
      } else {
        expect(await inline.isVisible()).toBe(false);
        expect(await side.isVisible()).toBe(true);
      }
      await context.close();
    }
  });
});
