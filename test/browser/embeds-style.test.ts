// The theme's task statuses and embeds in a real browser (Debian's Chromium): each common
// status draws its glyph over a box in place of the browser's checkbox, `[-]` is struck
// through, `[ ]`/`[x]` keep the native checkbox; PDF frames take the column and #height.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/publish/index.js';
import { renderFixture } from '../support/render-plan.js';
import { tempDir, writeVault } from '../support/vault.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ARGS, CHROMIUM } from './chromium.js';

describe.skipIf(!existsSync(CHROMIUM))('task statuses and embeds in the browser', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    const vault = writeVault({
      'Tasks.md': renderFixture('task-status.md'),
      'Other.md': '# Other\n',
      'Docs.md': '# Docs\n\n![[report.pdf]]\n\n![[report.pdf#height=250]]\n\n![](https://x.com/obsdmd/status/1580548874246864896)\n',
      'report.pdf': '%PDF-1.4\n%%EOF\n',
    });
    const out = join(tempDir(), 'site');
    await build({ vault, out, search: false, cache: false });
    server = await serveStatic(out, '/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A style of the item whose text holds `text` (or of its checkbox / ::before). */
  async function style(text: string, property: string, part: 'li' | 'input' | 'before' = 'li'): Promise<string> {
    return page.evaluate(`(() => {
      const li = [...document.querySelectorAll('li')].find((item) => item.textContent.includes(${JSON.stringify(text)}));
      if (!li) return 'no item';
      const target = ${JSON.stringify(part)} === 'input' ? li.querySelector('input') : li;
      return getComputedStyle(target, ${JSON.stringify(part)} === 'before' ? '::before' : null).getPropertyValue(${JSON.stringify(property)});
    })()`);
  }

  it('statuses draw their glyph over a drawn box; [ ] and [x] keep the native checkbox', async () => {
    await page.goto(`${server.origin}/tasks/`);
    expect(await style('rescheduled', 'content', 'before')).toBe('"↪"');
    expect(await style('star', 'content', 'before')).toBe('"★"');
    expect(await style('important', 'content', 'before')).toBe('"!"');
    expect(await style('rescheduled', 'appearance', 'input')).toBe('none');
    expect(await style('rescheduled', 'opacity', 'input')).toBe('0');
    expect(await style('open', 'appearance', 'input')).toBe('auto');
    expect(await style('done', 'appearance', 'input')).toBe('auto');
    expect(await style('done', 'content', 'before')).toBe('none');
    await page.screenshot({ path: '/tmp/almanac-task-statuses.png', fullPage: true });
  });

  it('[-] is struck through and faint; statuses have their own colours', async () => {
    expect(await style('cancelled', 'text-decoration-line')).toBe('line-through');
    expect(await style('rescheduled', 'text-decoration-line')).toBe('none');
    expect(await style('important', 'color', 'before')).not.toBe(await style('question', 'color', 'before'));
  });

  it('PDF frames take the column, 36rem high unless #height says', async () => {
    await page.goto(`${server.origin}/docs/`);
    const heights = await page.evaluate(`[...document.querySelectorAll('.embed-pdf iframe')].map((frame) => frame.getBoundingClientRect().height)`);
    expect(heights).toEqual([576, 250]);
    const card = await page.evaluate(`getComputedStyle(document.querySelector('a.embed-card')).display`);
    expect(card).toBe('flex');
    await page.screenshot({ path: '/tmp/almanac-embeds.png', fullPage: true });
  });
});
