// Freshness on the site: "Updated …" on every dated page, a stale badge past the
// policy, and a Stale notes page sorted by days overdue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { ROOT } from './support/vault.js';
import { read } from './fixtures/publish/crawl.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function site(today: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'almanac-stale-site-'));
  dirs.push(out);
  await build({ cwd: ROOT, out, today, search: false });
  return out;
}

describe('staleness on the site', () => {
  it('on 2026-01-20 nothing is stale: no badges, an empty Stale notes page', async () => {
    const out = await site('2026-01-20');
    const page = read(out, 'rotations/sector-rotation/index.html');
    expect(page).toContain('Updated <time datetime="2026-01-14">2026-01-14</time>');
    expect(page).not.toContain('stale-badge');
    expect(read(out, 'stale/index.html')).toContain('No note is past its review date.');
  });

  it('on 2026-03-01 stale pages carry a badge and the Stale notes page lists them, most overdue first', async () => {
    const out = await site('2026-03-01');
    const rotation = read(out, 'rotations/sector-rotation/index.html');
    expect(rotation).toContain(
      '<a class="stale-badge" href="/stale/" title="updated 2026-01-14 (46 days ago); rotation notes go stale after 30 days (16 days overdue)">Stale · 16 days overdue</a>',
    );
    expect(read(out, 'analysts/ed-yardeni/index.html')).not.toContain('stale-badge');
    const stale = read(out, 'stale/index.html');
    const overdue = [...stale.matchAll(/<td[^>]*>(\d+)<\/td>\s*<\/tr>/g)].map((match) => Number(match[1]));
    expect(overdue.length).toBeGreaterThan(3);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(stale).toContain('Sector Rotation');
  });
});
