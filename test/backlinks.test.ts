// Issue 17 §3: how a page's backlinks read. Linking notes sorted by type, then title (untyped
// after typed, canvases last); each note's most telling sentence first, none that only names
// the linked note; on the page, one sentence shown and the rest behind "n more", the section
// closed past ten notes.
import { describe, expect, it } from 'vitest';
import { contextOrder, shapeBacklinks, type BacklinkSource } from '../src/publish/pages/backlinks.js';
import { build } from '../src/publish/index.js';
import { read } from './fixtures/publish/crawl.js';
import { tempDir, writeVault } from './support/vault.js';

const source = (title: string, rank: number, type?: string, contexts: string[] = [], canvas = false): BacklinkSource => ({
  backlink: { title, url: `/${title}/`, slug: title, contexts, ...(type === undefined ? {} : { type }) },
  rank,
  canvas,
});

describe('backlink order', () => {
  it('sorts by type, then title; untyped notes after typed ones, canvases last', () => {
    const shaped = shapeBacklinks(
      [source('Board', 0, undefined, [], true), source('Zed', 5), source('Beta', 1, 'Company'), source('Alpha', 0, 'Company'), source('Ed', 2, 'Analyst')],
      ['Target'],
    );
    expect(shaped.map((link) => `${link.type ?? '-'} ${link.title}`)).toEqual(['Analyst Ed', 'Company Alpha', 'Company Beta', '- Zed', '- Board']);
  });

  it("puts the sentence saying most beyond the linked note's name first, and drops those saying only the name", () => {
    const named = new Set(['sector', 'rotation']);
    expect(
      contextOrder(
        [
          'Sector Rotation',
          'Bloomberg, Jan 2026 (via the Sector Rotation note)',
          'Financials were among the January 2026 winners in Sector Rotation, helped by rate cuts.',
          'Sector Rotation › Drivers',
        ],
        named,
      ),
    ).toEqual([
      'Financials were among the January 2026 winners in Sector Rotation, helped by rate cuts.',
      'Bloomberg, Jan 2026 (via the Sector Rotation note)',
      'Sector Rotation › Drivers',
    ]);
    expect(contextOrder(['Sector Rotation', 'sector  rotation!'], named)).toEqual([]);
  });
});

describe('backlinks on the page', () => {
  const notes: Record<string, string> = { 'Hub.md': '---\ntype: concept\n---\n# Hub\n\nThe hub.\n' };
  for (let i = 1; i <= 12; i++) {
    const type = i % 2 === 0 ? 'company' : 'analyst';
    notes[`N${String(i).padStart(2, '0')}.md`] =
      `---\ntype: ${type}\n---\n# N${i}\n\nN${i} writes about [[Hub]] at length.\n\n## Related\n\n- [[Hub]]\n\nSource: a report (via [[Hub]]).\n`;
  }
  notes['Small.md'] = '# Small\n\nSmall is linked by [[N01]] only.\n';
  notes['N01.md'] = `${notes['N01.md'] ?? ''}\nSee [[Small]].\n`;

  it('shows one sentence a note with the rest behind "n more", grouped by type, closed past ten notes', async () => {
    const out = tempDir('almanac-backlinks-');
    await build({ vault: writeVault(notes), out, search: false, today: '2026-01-20' });
    const hub = read(out, 'hub/index.html');
    const section = hub.slice(hub.indexOf('<section class="backlinks"'), hub.indexOf('</section>', hub.indexOf('<section class="backlinks"')));
    expect(section).toContain('<details class="backlinks-details">');
    expect(section).toContain('<span class="backlinks-count">12</span>');
    expect([...section.matchAll(/<h3 class="backlinks-type">([^<]*)<\/h3>/g)].map((m) => m[1])).toHaveLength(2);
    const items = section.split('<li>').slice(1);
    expect(items).toHaveLength(12);
    for (const item of items) {
      // The sentence first; the source line behind "1 more"; the bare [[Hub]] of Related nowhere.
      expect(item).toMatch(
        /^<a class="internal" href="\/n\d+\/" data-slug="n\d+">N\d+<\/a>\n<p class="backlink-context">N\d+ writes about Hub at length\.<\/p>\n<details class="backlink-more"><summary>1 more<\/summary>\n<p class="backlink-context">Source: a report \(via Hub\)\.<\/p>/,
      );
      expect(item).not.toContain('<p class="backlink-context">Hub</p>');
    }
    // Analysts (odd) before companies (even), by title within each.
    const titles = items.map((item) => /data-slug="(n\d+)"/.exec(item)?.[1]);
    expect(titles).toEqual(['n01', 'n03', 'n05', 'n07', 'n09', 'n11', 'n02', 'n04', 'n06', 'n08', 'n10', 'n12']);
    // Ten notes or fewer: open, under the one linking note's type.
    const small = read(out, 'small/index.html');
    expect(small).toContain('<details class="backlinks-details" open>');
    expect(small).toMatch(/<h3 class="backlinks-type">Analyst/i);
  });
});
