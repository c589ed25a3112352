// An embedded Bases view in Chromium (Debian's): the table starts at the top of its box (no
// empty band where a note embed's title would be), the count is a small caption just under
// it, and a property pill whose value wraps in a narrow cell stays a rounded box rather than
// a 999px blob. Fixture: test/fixtures/bases/, at a phone's width, light and dark.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/publish/index.js';
import { ROOT, tempDir } from '../support/vault.js';
import { serveStatic, type StaticServer } from './static-server.js';
import { ARGS, CHROMIUM } from './chromium.js';

describe.skipIf(!existsSync(CHROMIUM))('embedded Bases view in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const out = join(tempDir(), 'site');
    await build({ vault: join(ROOT, 'test/fixtures/bases'), out, search: false, cache: false });
    server = await serveStatic(out, '/');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`lays the table at the box's top and the count under it (${theme})`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${server.origin}/books/`);
      const box = await page.locator('.embed-base').first().boundingBox();
      const table = await page.locator('.embed-base .table-wrap').first().boundingBox();
      const count = await page.locator('.embed-base .base-count').first().boundingBox();
      if (!box || !table || !count) throw new Error('no embedded view');
      // The box's own padding (0.75rem) and border, nothing more.
      expect(table.y - box.y).toBeLessThanOrEqual(14);
      expect(count.y - (table.y + table.height)).toBeLessThanOrEqual(10);
      expect(box.y + box.height - (count.y + count.height)).toBeLessThanOrEqual(16);
      const style = (selector: string, property: string): Promise<string> =>
        page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`) as Promise<string>;
      expect(Number.parseFloat(await style('.embed-base .base-count', 'fontSize'))).toBeLessThan(14);
      // Pills: a radius about the line's half-height, so two lines still read as one value.
      expect(Number.parseFloat(await style('li.property-pill', 'borderTopLeftRadius'))).toBeLessThan(20);
      await page.screenshot({ path: `/tmp/almanac-bases-${theme}.png`, fullPage: true });
      await context.close();
    }, 60_000);
  }
});
