// almanac serve through the library API: saving a note rewrites its page and the pages
// that depend on it (backlinks, embeds) on disk, leaves the others alone, and tells
// open pages to reload. Waits only by polling.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServeEvent, type ServeHandle } from '../src/publish/serve/serve.js';
import { writeVault } from './support/vault.js';
import { read } from './fixtures/publish/crawl.js';

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function safeRead(dir: string, file: string): string {
  try {
    return read(dir, file);
  } catch {
    return '';
  }
}

describe('almanac serve', () => {
  let vault: string;
  let out: string;
  let handle: ServeHandle;
  const events: ServeEvent[] = [];

  beforeAll(async () => {
    vault = writeVault({
      'Alpha.md': '# Alpha\n\nAlpha says [[Beta]] is great.\n',
      'Beta.md': '# Beta\n\nBeta stands alone.\n',
      'Gamma.md': '# Gamma\n\nGamma quotes Alpha:\n\n![[Alpha]]\n',
      'Delta.md': '# Delta\n\nDelta is unrelated.\n',
      'Zeta.md': '---\nupdated: 2026-01-10\n---\n# Zeta\n\nZeta stands alone.\n',
    });
    out = mkdtempSync(join(tmpdir(), 'almanac-serve-'));
    handle = await serve({ vault, out, port: 0, search: false, onEvent: (event) => events.push(event) });
  });

  afterAll(async () => {
    await handle?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('serves the built site with a live-reload script that is not in the files on disk', async () => {
    const response = await fetch(`${handle.url}alpha/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<script src="\/__almanac\/live-reload.js" data-since="\d+"><\/script>/);
    expect(read(out, 'alpha/index.html')).not.toContain('live-reload');
    expect((await fetch(`${handle.url}no-such-page/`)).status).toBe(404);
    expect((await fetch(`${handle.url}..%2f..%2fetc/passwd`)).status).toBe(404);
  });

  it('rewrites the saved note, its backlink target and its embedder, and nothing else', async () => {
    const delta = statSync(join(out, 'delta/index.html')).mtimeMs;
    const reload = await openReloadStream(handle.url);
    writeFileSync(join(vault, 'Alpha.md'), '# Alpha\n\nAlpha says [[Beta]] is superb.\n');
    await waitFor(
      () => safeRead(out, 'alpha/index.html').includes('Alpha says <a class="internal" href="/beta/" data-slug="beta">Beta</a> is superb.'),
      'the saved page',
    );
    await waitFor(() => safeRead(out, 'beta/index.html').includes('<p class="backlink-context">Alpha says Beta is superb.</p>'), 'the backlink on Beta');
    await waitFor(() => safeRead(out, 'gamma/index.html').includes('is superb.</p>'), 'the embed in Gamma');
    await handle.idle();
    expect(statSync(join(out, 'delta/index.html')).mtimeMs).toBe(delta);
    const updates = events.flatMap((event) => (event.type === 'updated' ? [event] : []));
    // One save is one update (an editor that writes twice may cause two, each the same set).
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates)
      expect({ changed: update.changed, pages: [...update.pages].sort() }).toEqual({ changed: ['Alpha.md'], pages: ['/alpha/', '/beta/', '/gamma/'] });
    // The reload names the pages written: the notes, and the listings its first line shows on.
    const named = JSON.parse(await reload.next) as string[];
    expect(named).toEqual(expect.arrayContaining(updates[0]?.pages ?? ['none']));
    expect(named).toContain('/');
    expect(named).not.toContain('/delta/');
  });

  it('tells a tab that connects late, its page rewritten since it was served, to reload at once', async () => {
    const since = async (path: string): Promise<string> => /data-since="(\d+)"/.exec(await (await fetch(`${handle.url}${path}`)).text())?.[1] ?? 'none';
    const served = await since('beta/');
    writeFileSync(join(vault, 'Alpha.md'), '# Alpha\n\nAlpha says [[Beta]] is splendid.\n');
    await waitFor(() => safeRead(out, 'beta/index.html').includes('Alpha says Beta is splendid.'), 'the backlink on Beta');
    await handle.idle();
    // Beta's tab loaded before the rewrite and connects after it: the reload it missed comes now.
    const late = await openReloadStream(handle.url, `since=${served}&page=${encodeURIComponent('/beta/index.html')}`);
    expect(JSON.parse(await late.next)).toEqual(['/beta/']);
    // Served after it: no reload waiting (Delta's, never rewritten, neither).
    const fresh = await since('beta/');
    expect(Number(fresh)).toBeGreaterThan(Number(served));
    for (const query of [`since=${fresh}&page=/beta/`, `since=${served}&page=/delta/`]) {
      const stream = await openReloadStream(handle.url, query);
      expect(await Promise.race([stream.next, new Promise((resolve) => setTimeout(() => resolve('nothing'), 300))])).toBe('nothing');
      stream.close();
    }
  });

  it("writes a saved note's own page first, then the pages that depend on it", async () => {
    const reload = await openReloadStream(handle.url);
    const before = events.length;
    writeFileSync(join(vault, 'Zeta.md'), '---\nupdated: 2026-01-10\n---\n# Zeta\n\nZeta links [[Beta]] now.\n');
    await waitFor(
      () => safeRead(out, 'zeta/index.html').includes('Zeta links <a class="internal" href="/beta/" data-slug="beta">Beta</a> now.'),
      'the saved page',
    );
    await waitFor(() => safeRead(out, 'beta/index.html').includes('<p class="backlink-context">Zeta links Beta now.</p>'), 'the backlink on Beta');
    await handle.idle();
    const mine = events.slice(before).filter((event) => event.type === 'page' || event.type === 'updated');
    expect(mine[0]).toMatchObject({ type: 'page', changed: 'Zeta.md', url: '/zeta/' });
    expect(mine.some((event) => event.type === 'updated' && event.pages.includes('/beta/'))).toBe(true);
    expect(JSON.parse(await reload.next)).toEqual(['/zeta/']);
  });

  it("rewrites a page whose local graph changed though nothing it links to did: a neighbour's degree", async () => {
    const before = events.length;
    // Delta links Beta: Beta, linked with Alpha and Zeta so far, now has 3 neighbours on Alpha's page too.
    writeFileSync(join(vault, 'Delta.md'), '# Delta\n\nDelta is related to [[Beta]].\n');
    await waitFor(() => safeRead(out, 'alpha/index.html').includes('["beta","Beta",-1,3]'), "Beta's degree on Alpha's page");
    await handle.idle();
    const updated = events.slice(before).flatMap((event) => (event.type === 'updated' ? [event.pages] : []));
    expect(updated.some((pages) => pages.includes('/alpha/') && pages.includes('/zeta/'))).toBe(true);
    // Gamma's graph holds Alpha, not Beta: left alone.
    expect(updated.flat()).not.toContain('/gamma/');
  });

  it('rebuilds the whole site when a note is added', async () => {
    writeFileSync(join(vault, 'Epsilon.md'), '# Epsilon\n\nEpsilon also links [[Beta]].\n');
    await waitFor(() => safeRead(out, 'epsilon/index.html').includes('Epsilon also links'), 'the new page');
    await waitFor(() => safeRead(out, 'beta/index.html').includes('data-slug="epsilon">Epsilon</a>'), 'the new backlink');
    await handle.idle();
    expect(events.some((event) => event.type === 'rebuilt')).toBe(true);
    expect(events.filter((event) => event.type === 'error')).toEqual([]);
  });

  it('takes a note off the site everywhere when it is unpublished', async () => {
    writeFileSync(join(vault, 'Epsilon.md'), '---\npublish: false\n---\n# Epsilon\n\nEpsilon also links [[Beta]].\n');
    await waitFor(() => !existsSync(join(out, 'epsilon/index.html')), 'the page to go');
    await handle.idle();
    expect(safeRead(out, 'beta/index.html')).not.toContain('Epsilon');
    expect(safeRead(out, 'graph.json')).not.toContain('epsilon');
    expect(safeRead(out, 'search/index.html')).not.toContain('Epsilon');
  });
});

/** Connect to the live-reload stream; `next` resolves with the data of the first `reload` event. */
function openReloadStream(url: string, query = ''): Promise<{ next: Promise<string>; close: () => void }> {
  return new Promise((connected, reject) => {
    const request = get(`${url}__almanac/events${query ? `?${query}` : ''}`, (response) => {
      const next = new Promise<string>((resolve) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          const match = /event: reload\ndata: (.*)\n\n/.exec(buffer);
          if (match?.[1]) {
            resolve(match[1]);
            request.destroy();
          }
        });
      });
      connected({ next, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}
