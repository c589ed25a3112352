// The site's search engine (templates/assets/js/search-engine.js) on small hand-made
// indexes served from memory: what matches, in which order, with which excerpt and link,
// and which index files it fetches.
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { createSearchEngine, excerpt, termOf, words, type SearchResult } from '../templates/assets/js/search-engine.js';
import { buildIndex, serveIndex, type BuiltIndex, type PageSpec } from './support/search-index.js';

const BASE = 'http://site.test/';

const PAGES: PageSpec[] = [
  {
    url: 'companies/nvidia/',
    title: 'NVIDIA',
    aliases: ['NVDA'],
    sections: [
      { anchor: 'nvidia', heading: 'NVIDIA', text: 'NVIDIA designs graphics chips.' },
      { anchor: 'revenue', heading: 'Revenue', text: 'Data centre revenue grew as hyperscalers bought accelerators for training.' },
      { anchor: 'risks', heading: 'Risks', text: 'Export rules could hurt NVIDIA.' },
    ],
  },
  {
    url: 'analysts/ed-yardeni/',
    title: 'Ed Yardeni',
    sections: [{ anchor: '', heading: 'Ed Yardeni', text: 'Ed Yardeni runs Yardeni Research. He writes about the Fed and bond yields.' }],
  },
  {
    url: 'rotations/sector-rotation/',
    title: 'Sector Rotation',
    sections: [{ anchor: 'sector-rotation', heading: 'Sector Rotation', text: 'Money moves between sectors over the business cycle.' }],
  },
  {
    url: 'concepts/tariffs/',
    title: 'Tariffs',
    sections: [{ anchor: '', heading: 'Tariffs', text: 'Taxes on imports, paid by the importer, raise prices for buyers.' }],
  },
  {
    url: 'events/trade-war/',
    title: 'Trade war',
    sections: [{ anchor: '', heading: 'Trade war', text: 'Two countries raise tariffs on each other, buyers pay more.' }],
  },
  {
    url: 'concepts/bond-yields/',
    title: 'Bond yields',
    sections: [{ anchor: '', heading: 'Bond yields', text: 'Yields rise when the Fed tightens and bond prices fall.' }],
  },
  {
    url: 'notes/markup/',
    title: 'Markup',
    sections: [{ anchor: '', heading: 'Markup', text: 'Compare <script>alert("x")</script> & Yardeni\'s "bond" call.' }],
  },
  {
    url: 'notes/long/',
    title: 'Long note',
    sections: [
      {
        anchor: '',
        heading: 'Long note',
        text: `${'alpha '.repeat(40)}the accelerators section ${'omega '.repeat(40)}`.trim(),
      },
    ],
  },
];

/** An engine over `index` at `base`, and the index paths it fetched. */
function engineFor(index: BuiltIndex, base = BASE): { engine: ReturnType<typeof createSearchEngine>; fetched: string[] } {
  const { fetchJson, fetched } = serveIndex(index, base);
  return { engine: createSearchEngine({ base, fetchJson, stemmer }), fetched };
}

async function titles(engine: ReturnType<typeof createSearchEngine>, query: string): Promise<string[]> {
  const found = await engine.search(query);
  return (await found.results(0, 100)).map((result) => result.title);
}

async function only(engine: ReturnType<typeof createSearchEngine>, query: string): Promise<SearchResult> {
  const results = await (await engine.search(query)).results();
  expect(results).toHaveLength(1);
  const [result] = results;
  if (!result) throw new Error('no result');
  return result;
}

describe('words and terms', () => {
  it('folds accents and case, drops possessives and inner apostrophes', () => {
    expect(words("Yardeni's Café — don’t STOP; Q3 2024 naïve")).toEqual(['yardeni', 'cafe', 'dont', 'stop', 'q3', '2024', 'naive']);
    expect(words(' ,.;!? ')).toEqual([]);
  });

  it('stems words of letters only, and only with a stemmer', () => {
    expect(termOf('rotations', stemmer)).toBe('rotat');
    expect(termOf('rotations', null)).toBe('rotations');
    expect(termOf('q3s', stemmer)).toBe('q3s');
  });
});

describe('search engine', () => {
  const index = buildIndex(PAGES, { chunks: ['', 'c', 'm', 'yardeni'] });

  it('requires every word (AND)', async () => {
    const { engine } = engineFor(index);
    expect(await titles(engine, 'bond yields fed')).toEqual(expect.arrayContaining(['Bond yields', 'Ed Yardeni']));
    expect((await titles(engine, 'bond yields fed')).sort()).toEqual(['Bond yields', 'Ed Yardeni']);
    expect(await titles(engine, 'bond nvidia')).toEqual([]);
  });

  it('matches the last word as a prefix, unless a space follows it', async () => {
    const { engine } = engineFor(index);
    expect((await titles(engine, 'yard')).sort()).toEqual(['Ed Yardeni', 'Markup']);
    expect(await titles(engine, 'yard ')).toEqual([]);
    // Only the last word is a prefix.
    expect(await titles(engine, 'yard research')).toEqual([]);
    expect(await titles(engine, 'yardeni res')).toEqual(['Ed Yardeni']);
    // A one-letter last word is matched whole, not expanded over the index.
    expect(await titles(engine, 'y')).toEqual([]);
    expect((await titles(engine, 'ya')).sort()).toEqual(['Ed Yardeni', 'Markup']);
  });

  it('keeps finding a word while it is typed past its stem, and only then', async () => {
    const { engine } = engineFor(index);
    // "rotation" is indexed as "rotat": "rotati" and "rotatio" start with no term.
    for (const typed of ['rota', 'rotat', 'rotati', 'rotatio', 'rotation']) expect(await titles(engine, typed)).toEqual(['Sector Rotation']);
    // Not for a word that is not the last, nor once a space ends it.
    expect(await titles(engine, 'rotati money')).toEqual([]);
    expect(await titles(engine, 'rotati ')).toEqual([]);
    // Nor from a term shorter than four letters ("rotxyz" shares only "rot" with "rotat").
    expect(await titles(engine, 'rotxyz')).toEqual([]);
    // The words found that way are marked in excerpts ("raise" is indexed as "rais").
    const found = await engine.search('raise');
    const results = await found.results();
    expect(results.map((result) => result.title).sort()).toEqual(['Tariffs', 'Trade war']);
    for (const result of results) expect(result.excerpt).toContain('<mark>raise</mark>');
  });

  it('ranks with BM25: a word in the title beats the same word in a body', async () => {
    const { engine } = engineFor(index);
    const found = await engine.search('tariffs');
    const results = await found.results();
    expect(results.map((result) => result.title)).toEqual(['Tariffs', 'Trade war']);
    // The score is BM25 over the weights in the index.
    const { meta, postings } = index;
    const list = postings.get('tariff') ?? [];
    const df = list.length / 2;
    const idf = Math.log(1 + (meta.pages - df + 0.5) / (df + 0.5));
    for (const result of results) {
      const tf = list[list.indexOf(result.id) + 1] ?? 0;
      const length = meta.lengths[result.id] ?? 0;
      const expected = (idf * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * length) / meta.averageLength));
      expect(result.score).toBeCloseTo(expected, 10);
    }
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? Infinity);
  });

  it('scores a prefix by the best of its terms on each page, not their sum', async () => {
    const texts = ['growth grows growing', 'growth growth', 'other words here'];
    const grow = buildIndex(texts.map((text, i) => ({ url: `g${i}/`, title: `G${i}`, sections: [{ anchor: '', heading: `G${i}`, text }] })));
    const { engine } = engineFor(grow);
    const results = await (await engine.search('grow')).results();
    expect(results.map((result) => result.title).sort()).toEqual(['G0', 'G1']);
    const { meta, postings } = grow;
    // G0: "grow" twice (grows, growing) and "growth" once; G1: "growth" twice. Both: tf 2.
    expect(postings.get('grow')).toEqual([0, 2]);
    expect(postings.get('growth')).toEqual([0, 1, 1, 2]);
    const idf = Math.log(1 + (meta.pages - 2 + 0.5) / (2 + 0.5));
    for (const result of results) {
      const length = meta.lengths[result.id] ?? 0;
      expect(result.score).toBeCloseTo((idf * 2 * 2.2) / (2 + 1.2 * (1 - 0.75 + (0.75 * length) / meta.averageLength)), 10);
    }
  });

  it('stems the query like the index: "rotations" finds "Rotation"', async () => {
    const { engine } = engineFor(index);
    expect(await titles(engine, 'rotations ')).toEqual(['Sector Rotation']);
    expect(await titles(engine, 'ROTATING')).toEqual(['Sector Rotation']);
    // Without stemming, the same words are different terms.
    const plain = engineFor(buildIndex(PAGES, { stem: false })).engine;
    expect(await titles(plain, 'rotations ')).toEqual([]);
    expect(await titles(plain, 'rotation ')).toEqual(['Sector Rotation']);
  });

  it('finds a page by its alias, and says which', async () => {
    const { engine } = engineFor(index);
    const result = await only(engine, 'nvda');
    expect(result.title).toBe('NVIDIA');
    expect(result.alias).toBe('NVDA');
    expect((await only(engine, 'nvidia')).alias).toBeNull();
  });

  it('marks the matching words in an HTML-escaped excerpt', async () => {
    const { engine } = engineFor(index);
    const result = await only(engine, 'compare bond');
    expect(result.excerpt).toBe(
      '<mark>Compare</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Yardeni&#39;s &quot;<mark>bond</mark>&quot; call.',
    );
    expect(result.excerpt).not.toContain('<script');
  });

  it('cuts a long excerpt to about 30 words around the first match', async () => {
    const { engine } = engineFor(index);
    const result = await only(engine, 'accelerators section');
    expect(result.excerpt.startsWith('… alpha')).toBe(true);
    expect(result.excerpt.endsWith('omega …')).toBe(true);
    expect(result.excerpt).toContain('the <mark>accelerators</mark> <mark>section</mark> omega');
    expect(result.excerpt.split(' ').filter((word) => word !== '…')).toHaveLength(30);
  });

  it("links the best-matching section's anchor, not the first section", async () => {
    const { engine } = engineFor(index);
    const revenue = await only(engine, 'revenue training');
    expect(revenue.url).toBe(`${BASE}companies/nvidia/`);
    expect(revenue.section).toEqual({ heading: 'Revenue', url: `${BASE}companies/nvidia/#revenue` });
    expect(revenue.excerpt).toContain('<mark>revenue</mark>');
    // "export" is in Risks only; "nvidia" in the title, the first section and Risks.
    expect((await only(engine, 'nvidia export')).section?.url).toBe(`${BASE}companies/nvidia/#risks`);
    // A match in the first section needs no second link; the first of equals wins.
    expect((await only(engine, 'graphics')).section).toBeNull();
    expect((await only(engine, 'nvidia')).section).toBeNull();
  });

  it('honours a base URL with a sub-path', async () => {
    const base = 'http://site.test/prefix/';
    const { engine, fetched } = engineFor(index, base);
    const result = await only(engine, 'nvidia revenue');
    expect(result.url).toBe('http://site.test/prefix/companies/nvidia/');
    expect(result.section?.url).toBe('http://site.test/prefix/companies/nvidia/#revenue');
    expect(fetched).toContain('meta.json');
  });

  it('returns nothing for empty and garbage queries, without fetching for empty ones', async () => {
    const { engine, fetched } = engineFor(index);
    for (const query of ['', '   ', '!!! ...', '—']) {
      const found = await engine.search(query);
      expect(found.total).toBe(0);
      expect(await found.results()).toEqual([]);
    }
    expect(fetched).toEqual([]);
    for (const query of ['__proto__', 'constructor', 'toString hasOwnProperty', 'zzzz qqqq', 'nvidia zzzz']) {
      const found = await engine.search(query);
      expect(found.total, query).toBe(0);
    }
  });

  it('fetches only the chunks a query needs, once', async () => {
    const { engine, fetched } = engineFor(index);
    // "bond" and its prefix both live in chunk 0 ("" ≤ t < "c").
    // The names (titles and aliases) of these few pages fit in one file.
    await engine.search('bond');
    expect(fetched.sort()).toEqual(['meta.json', 'names/0.json', 'terms/0.json']);
    // "yardeni" is the first term of chunk 3; a prefix "yard" starts in chunk 2 and runs into 3.
    await engine.search('yard');
    expect(fetched.sort()).toEqual(['meta.json', 'names/0.json', 'terms/0.json', 'terms/2.json', 'terms/3.json']);
    await (await engine.search('yard')).results();
    expect(fetched.filter((path) => path.startsWith('terms/'))).toHaveLength(3);
    expect(fetched.filter((path) => path.startsWith('pages/'))).toEqual(['pages/0.json']);
  });

  it('asks again after a failed fetch', async () => {
    const { fetchJson } = serveIndex(index, BASE);
    let failures = 1;
    const flaky = async (url: string): Promise<unknown> => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('network down');
      }
      return fetchJson(url);
    };
    const engine = createSearchEngine({ base: BASE, fetchJson: flaky, stemmer });
    await expect(engine.search('nvidia')).rejects.toThrow('network down');
    expect((await engine.search('nvidia')).total).toBe(1);
  });

  it('rejects an index of another format', async () => {
    const other = { ...index, files: new Map(index.files).set('meta.json', { ...index.meta, format: 2 }) };
    await expect(engineFor(other).engine.preload()).rejects.toThrow(/format 1/);
  });
});

describe('search engine over many pages', () => {
  // 40 pages over three pages files; every page says "market", a few say more.
  const pages: PageSpec[] = Array.from({ length: 40 }, (_, i) => ({
    url: `notes/n${i}/`,
    title: `Note ${i}`,
    sections: [{ anchor: '', heading: `Note ${i}`, text: `market ${i === 17 ? 'zebra ' : ''}${'market '.repeat(i % 5)}end` }],
  }));

  it('fetches only the pages file of the results shown', async () => {
    const index = buildIndex(pages, { pagesPerFile: 16 });
    const { engine, fetched } = engineFor(index);
    const result = await only(engine, 'zebra');
    expect(result.url).toBe(`${BASE}notes/n17/`);
    expect(fetched.filter((path) => path.startsWith('pages/'))).toEqual(['pages/1.json']);
  });

  it('pages through the results, ten by ten, best first', async () => {
    const index = buildIndex(pages, { pagesPerFile: 16 });
    const { engine } = engineFor(index);
    const found = await engine.search('market');
    expect(found.total).toBe(40);
    const first = await found.results(0, 10);
    const second = await found.results(10, 10);
    const last = await found.results(30, 10);
    expect(first).toHaveLength(10);
    expect(last).toHaveLength(10);
    expect(await found.results(40, 10)).toEqual([]);
    const all = [...first, ...second, ...(await found.results(20, 10)), ...last];
    expect(new Set(all.map((result) => result.id)).size).toBe(40);
    const scores = all.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('expands a prefix to at most 200 terms, the most common first', async () => {
    // 200 terms "zq000"… on pages 0 and 1, and one rarer "zqrare" on page 2 only.
    const many: PageSpec[] = [0, 1, 2].map((i) => ({
      url: `p${i}/`,
      title: `P${i}`,
      sections: [
        {
          anchor: '',
          heading: `P${i}`,
          text: i < 2 ? Array.from({ length: 200 }, (_, n) => `zq${String(n).padStart(3, '0')}`).join(' ') : 'zqrare',
        },
      ],
    }));
    const { engine } = engineFor(buildIndex(many, { chunks: ['', 'zq1', 'zq150'] }));
    expect((await titles(engine, 'zq')).sort()).toEqual(['P0', 'P1']);
    expect(await titles(engine, 'zqr')).toEqual(['P2']);
    expect(await titles(engine, 'zq199')).toHaveLength(2);
  });
});

describe('excerpt', () => {
  it('keeps the text of a section without matches from its start', () => {
    expect(excerpt('One two & three.', () => false)).toBe('One two &amp; three.');
    expect(excerpt('', () => false)).toBe('');
  });
});
