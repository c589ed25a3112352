// Issue 17 §2: the search engine puts a page whose title or alias is the query first, then
// pages whose name starts with it, then the rest by BM25; excerpts keep a table's cells and
// rows apart. Indexes made by the build's own builder (test/support/search-index.ts).
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../templates/assets/js/search-engine.js';
import { pageSections } from '../src/publish/search/page-text.js';
import { buildIndex, serveIndex, type PageSpec } from './support/search-index.js';

const BASE = 'http://site.test/';

const page = (title: string, text: string, aliases: string[] = []): PageSpec => ({
  url: `${title.toLowerCase().replace(/\W+/g, '-')}/`,
  title,
  aliases,
  sections: [{ anchor: '', heading: title, text }],
});

// Short notes that say the query often outscore the long hub notes named by it.
const PAGES: PageSpec[] = [
  page('2016 reflation rotation', 'The rotation into cyclicals: a reflation rotation, the rotation of 2016.'),
  page('Covid rotation 2020-21', 'A rotation out of growth and a rotation back.'),
  page(
    'Sector Rotation',
    `Money moves between sectors over the business cycle. ${'Early, mid and late cycle leaders differ by sector and by market. '.repeat(12)}`,
    ['Rotation'],
  ),
  page('Rotation playbook', `How to trade it. ${'Buy the laggards, sell the leaders when the cycle turns. '.repeat(6)}`),
  page('Long NVIDIA', 'Long NVDA: NVDA calls, NVDA shares, NVDA into earnings; NVDA again.'),
  page('NVIDIA', `NVIDIA designs graphics chips. ${'Data centre revenue grew as hyperscalers bought accelerators. '.repeat(10)}`, ['NVDA']),
  page('Nvidia suppliers', 'Who sells to them.'),
];

async function titles(query: string, pages = PAGES): Promise<string[]> {
  const { fetchJson } = serveIndex(buildIndex(pages), BASE);
  const engine = createSearchEngine({ base: BASE, fetchJson, stemmer });
  return (await (await engine.search(query)).results(0, 100)).map((result) => result.title);
}

describe('search ranks names first', () => {
  it('puts an exact alias match first, then a title prefix, then the rest by BM25', async () => {
    const found = await titles('rotation');
    expect(found.slice(0, 2)).toEqual(['Sector Rotation', 'Rotation playbook']);
    expect(found.slice(2).sort()).toEqual(['2016 reflation rotation', 'Covid rotation 2020-21']);
    expect(await titles('rotation ')).toEqual(found);
  });

  it('puts the page an alias names above pages that mention it more', async () => {
    expect((await titles('nvda'))[0]).toBe('NVIDIA');
    // "nvidia": the exact title, then the names that start with it, then the rest.
    expect(await titles('nvidia')).toEqual(['NVIDIA', 'Nvidia suppliers', 'Long NVIDIA']);
    // While typed: "nvid" names no page exactly, and starts both names.
    expect((await titles('nvid')).slice(0, 2).sort()).toEqual(['NVIDIA', 'Nvidia suppliers']);
  });

  it('matches names as whole words: a space after the query ends the last word', async () => {
    expect((await titles('sector rot'))[0]).toBe('Sector Rotation');
    expect(await titles('nvidia ')).toEqual(['NVIDIA', 'Nvidia suppliers', 'Long NVIDIA']);
    // "nvidi " is a whole word no page says: nothing.
    expect(await titles('nvidi ')).toEqual([]);
  });

  it('reads an index written without names (BM25 only)', async () => {
    const index = buildIndex(PAGES);
    const meta = { ...index.meta, names: undefined };
    const { fetchJson } = serveIndex({ ...index, files: new Map(index.files).set('meta.json', meta) }, BASE);
    const engine = createSearchEngine({ base: BASE, fetchJson, stemmer });
    const found = await (await engine.search('nvda')).results();
    expect(found.map((result) => result.title).sort()).toEqual(['Long NVIDIA', 'NVIDIA']);
  });
});

describe('search excerpts of tables', () => {
  it("separates a table's cells and rows", async () => {
    const html =
      '<p>Facts below.</p><table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody><tr><td>Period</td><td>2016 Rotation</td></tr><tr><td>Leader</td><td><p>Banks</p></td></tr></tbody></table><p>After the table.</p>';
    const sections = pageSections(html, 'Facts', '');
    const { fetchJson } = serveIndex(buildIndex([{ url: 'facts/', title: 'Facts', sections }]), BASE);
    const engine = createSearchEngine({ base: BASE, fetchJson, stemmer });
    const [result] = await (await engine.search('period')).results();
    const row = '<span class="search-break">/</span>';
    const cell = '<span class="search-break">|</span>';
    expect(result?.excerpt).toBe(
      `Facts below. ${row} Field ${cell} Value ${row} <mark>Period</mark> ${cell} 2016 Rotation ${row} Leader ${cell} Banks ${row} After the table.`,
    );
    // Line breaks in the page's HTML source are spaces, not rows.
    const [plain] = pageSections('<table>\n<tr>\n<td>A\nB</td>\n<td>C</td>\n</tr>\n</table>', 'T', '');
    expect(plain?.text).toBe('A B\tC');
  });
});
