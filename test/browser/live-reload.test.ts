// Issue 17 §1: `almanac serve` live reload in a real browser. A tab reloads when its own page
// was rewritten, after the write: an open page that the saved note links to shows the saved
// note's new sentence in its backlinks, though the saved note's own page is written (and
// announced) first, and a tab whose page did not change keeps its state.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServeHandle } from '../../src/publish/serve/serve.js';
import { writeVault } from '../support/vault.js';
import { ARGS, CHROMIUM } from './chromium.js';

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const onDisk = (out: string, file: string): string => {
  try {
    return readFileSync(join(out, file), 'utf8');
  } catch {
    return '';
  }
};

describe.skipIf(!existsSync(CHROMIUM))('serve live reload in Chromium', () => {
  let vault: string;
  let out: string;
  let handle: ServeHandle;
  let browser: Browser;

  beforeAll(async () => {
    vault = writeVault({
      // Dated notes: serve writes a saved dated note's own page first, then its dependants.
      'Alpha.md': '---\nupdated: 2026-01-10\n---\n# Alpha\n\nAlpha follows [[Xeno]].\n',
      'Xeno.md': '---\nupdated: 2026-01-10\n---\n# Xeno\n\nXeno thinks [[Alpha]] is fine.\n',
      'Quiet.md': '---\nupdated: 2026-01-10\n---\n# Quiet\n\nQuiet links nothing.\n',
    });
    out = mkdtempSync(join(tmpdir(), 'almanac-live-'));
    handle = await serve({ vault, out, port: 0, search: false, today: '2026-01-20' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await handle?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("shows the saved note's new sentence in an open page's backlinks within a second of it being written", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const alpha = await context.newPage();
    const quiet = await context.newPage();
    await alpha.goto(`${handle.url}alpha/`);
    await quiet.goto(`${handle.url}quiet/`);
    await expect.poll(() => alpha.locator('.backlinks').textContent()).toContain('Xeno thinks Alpha is fine.');
    // Marks that survive only as long as the tab does not reload.
    const mark = (): void => void Object.assign(globalThis, { almanacMark: 1 });
    const marked = (): boolean => 'almanacMark' in globalThis;
    await alpha.evaluate(mark);
    await quiet.evaluate(mark);
    await alpha.waitForTimeout(300); // the event streams are open

    writeFileSync(join(vault, 'Xeno.md'), '---\nupdated: 2026-01-10\n---\n# Xeno\n\nXeno now says [[Alpha]] is superb.\n');
    await waitFor(() => onDisk(out, 'alpha/index.html').includes('Xeno now says Alpha is superb.'), "Alpha's page on disk");
    const written = Date.now();
    await alpha.locator('.backlinks', { hasText: 'Xeno now says Alpha is superb.' }).waitFor({ timeout: 1000 });
    expect(Date.now() - written).toBeLessThan(1000);
    await handle.idle();
    await alpha.waitForTimeout(200);
    expect(await alpha.evaluate(marked)).toBe(false);
    // Quiet's page was not rewritten: its tab did not reload.
    expect(await quiet.evaluate(marked)).toBe(true);
    await context.close();
  }, 60_000);
});
