// Slugs and note HTML, in memory: planSite() renders every page's data without writing.
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { resolveLinks } from '../src/resolve/index.js';
import { defaultConfig } from '../src/config/schema.js';
import { comparePaths } from '../src/vault/load.js';
import { planSite, slugifyPath, type NotePage, type SitePlan } from '../src/publish/index.js';
import { build } from '../src/publish/index.js';
import { writeVault } from './support/vault.js';
import { brokenReferences, listFiles } from './fixtures/publish/crawl.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function plan(files: Record<string, string>, options: { base?: string; attachments?: string[]; url?: string } = {}): SitePlan {
  // Sorted by path, as loadVault gives them.
  const notes = Object.entries(files)
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([path, source]) => parseNote(path, source));
  const vault = { root: '/vault', notes, attachments: options.attachments ?? [] };
  const site = { ...defaultConfig().site, ...(options.url ? { url: options.url } : {}) };
  return planSite({ notes, graph: resolveLinks(vault), vaultRoot: '/vault', base: options.base ?? '/', options: site, now: new Date('2026-02-01T00:00:00Z') });
}

function page(site: SitePlan, path: string): NotePage {
  const found = site.notePages.get(path);
  if (!found) throw new Error(`no page for ${path}`);
  return found;
}

describe('slugs', () => {
  it.each([
    ['Rotations/Sector Rotation.md', 'rotations/sector-rotation'],
    ['Rotations/Value over growth (Dec 2025).md', 'rotations/value-over-growth-dec-2025'],
    ['Events/S&P 500 record high Oct 2025.md', 'events/sp-500-record-high-oct-2025'],
    ["Analysts/Jason De Sena Trennert's view.md", 'analysts/jason-de-sena-trennerts-view'],
    ['Über Märkte/Zürich Büro.md', 'über-märkte/zürich-büro'],
    ['日本/東京 メモ.md', '日本/東京-メモ'],
    ['Ελλάδα/Αθήνα.md', 'ελλάδα/αθήνα'],
    ['  Spaces  /  many   spaces .md', 'spaces/many-spaces'],
    ['???.md', 'untitled'],
  ])('%s → %s', (path, slug) => {
    expect(slugifyPath(path)).toBe(slug);
  });

  it('de-duplicates collisions in path order and keeps system folders free', () => {
    const site = plan({ 'A B.md': 'x', 'A-B.md': 'y', 'a b.MD': 'z', 'Tags/Foo.md': 'f', 'Search.md': 's' });
    expect(site.site.notes.map((note) => [note.note.path, note.slug])).toEqual([
      ['A B.md', 'a-b'],
      ['A-B.md', 'a-b-2'],
      // A note keeps the URL of a generated page, which moves (generated-pages.ts).
      ['Search.md', 'search'],
      ['Tags/Foo.md', 'tags-2/foo'],
      ['a b.MD', 'a-b-3'],
    ]);
  });
});

describe('note HTML', () => {
  it('embeds are cycle-safe and stop three levels deep', () => {
    const site = plan({
      'A.md': 'A text. ![[B]]\n',
      'B.md': 'B text.\n\n![[C]]\n',
      'C.md': 'C text.\n\n![[D]]\n\n![[A]]\n',
      'D.md': 'D text.\n\n![[E]]\n',
      'E.md': 'E text.\n',
      'Self.md': 'Self text.\n\n![[Self]]\n',
    });
    const a = page(site, 'A.md').html;
    expect(a).toContain('<p>A text.</p>\n<div class="embed" data-slug="b">');
    expect(a).toContain('B text.');
    expect(a).toContain('C text.');
    expect(a).toContain('D text.');
    // Depth 4 (E) and the cycle back to A become links, not content.
    expect(a).not.toContain('E text.');
    expect(a).toContain('<div class="embed embed-link" data-slug="e">');
    expect(a).toContain('<div class="embed embed-link" data-slug="a">');
    expect(a.match(/A text\./g)).toHaveLength(1);
    expect(page(site, 'Self.md').html).toContain('<div class="embed embed-link" data-slug="self">');
  });

  it('embeds a section or a block, and images at their size', () => {
    const site = plan(
      {
        'Host.md': '![[Source#Part two]]\n\n![[Source#^key]]\n\n![[chart.png|300]] ![[chart.png|300x120]] ![[missing.png]]\n',
        'Source.md': '# Source\n\n## Part one\n\nOne.\n\n## Part two\n\nTwo.\n\n### Deeper\n\nStill two.\n\n## Part three\n\nThree.\n\nKey fact. ^key\n',
      },
      { attachments: ['assets/chart.png'] },
    );
    const html = page(site, 'Host.md').html;
    const section = html.slice(0, html.indexOf('Key fact'));
    expect(section).toContain('Two.');
    expect(section).toContain('Still two.');
    expect(section).not.toContain('One.');
    expect(section).not.toContain('Three.');
    expect(html).toContain('<p>Key fact.</p>');
    expect(html).toContain('<img src="/files/assets/chart.png" alt="chart" loading="lazy" width="300">');
    expect(html).toContain('<img src="/files/assets/chart.png" alt="chart" loading="lazy" width="300" height="120">');
    expect(html).toContain('<span class="unresolved" title="Missing file">missing.png</span>');
    expect(page(site, 'Source.md').html).toContain('<p id="^key">Key fact.</p>');
  });

  it('gives every heading a unique id that heading links use', () => {
    const site = plan({
      'Note.md': '# Note\n\n## Search\n\n## Notes\n\n## Notes\n\n## With [[Other|a link]]\n',
      'Other.md': '[[Note#Notes]] [[Note#Search]] [[Note#With Other]] [[Note#Note]]\n',
    });
    const note = page(site, 'Note.md');
    expect(note.titleId).toBe('note');
    expect(note.toc.map((entry) => entry.id)).toEqual(['search-1', 'notes', 'notes-1', 'with-a-link']);
    expect(note.html).toContain('<h2 id="search-1">Search</h2>');
    const other = page(site, 'Other.md').html;
    for (const id of ['notes', 'search-1', 'with-a-link', 'note']) expect(other).toContain(`href="/note/#${id}"`);
  });

  it('renders callouts, foldable ones as <details>, and block ids on lists and tables', () => {
    const site = plan({
      'Note.md':
        '> [!tip] Title here\n> Body.\n\n> [!warning]- Closed\n> Hidden.\n\n> [!info]+\n> Open.\n\n- one\n- two\n\n^list-id\n\n| a |\n|---|\n| 1 |\n\n^table-id\n',
    });
    const html = page(site, 'Note.md').html;
    expect(html).toContain('<div class="callout" data-callout="tip"><div class="callout-title">Title here</div><div class="callout-content">');
    expect(html).toContain('<details class="callout" data-callout="warning"><summary class="callout-title">Closed</summary>');
    expect(html).toContain('<details class="callout" data-callout="info" open><summary class="callout-title">Info</summary>');
    expect(html).toContain('<ul id="^list-id">');
    expect(html).toContain('<div class="table-wrap" id="^table-id"><table>');
  });

  it('honours the base in every link it writes', () => {
    const site = plan({ 'A.md': '[[B#Part]] #tag ![[B]]\n', 'B.md': '## Part\n\nText.\n' }, { base: '/sub/' });
    const html = page(site, 'A.md').html;
    expect(html).toContain('href="/sub/b/#part"');
    expect(html).toContain('<a class="tag" href="/sub/tags/tag/">#tag</a>');
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]).filter((href) => !href?.startsWith('/sub/'))).toEqual([]);
  });
});

describe('site files', () => {
  it('use absolute URLs in the sitemap, feed and redirects when site.url is set', () => {
    const site = plan(
      { 'Note.md': '---\naliases: [NT]\nupdated: 2026-01-05\n---\nA note with a long enough first paragraph to be its summary.\n' },
      { base: '/almanac/', url: 'https://me.github.io' },
    );
    expect(site.pages.sitemap?.urls).toContainEqual({ loc: 'https://me.github.io/almanac/note/', lastmod: '2026-01-05' });
    expect(site.pages.feed).toMatchObject({
      id: 'https://me.github.io/almanac/',
      self: 'https://me.github.io/almanac/feed.xml',
      updated: '2026-01-05T00:00:00Z',
      entries: [
        {
          title: 'Note',
          link: 'https://me.github.io/almanac/note/',
          id: 'https://me.github.io/almanac/note/',
          summary: 'A note with a long enough first paragraph to be its summary.',
        },
      ],
    });
    expect(site.pages.redirects).toContainEqual(
      expect.objectContaining({ output: 'nt/index.html', target: '/almanac/note/', canonical: 'https://me.github.io/almanac/note/' }),
    );
  });
});

describe('a vault with non-ASCII names', () => {
  it('builds pages whose links all resolve', async () => {
    const out = mkdtempSync(join(tmpdir(), 'almanac-unicode-'));
    try {
      const vault = writeVault({
        'Über Märkte/Zürich Büro.md': '---\ntags: [märkte/schweiz]\naliases: [ZRH Büro]\n---\nSee [[東京 メモ#見出し]] and [[Ελλάδα/Αθήνα]].\n',
        '日本/東京 メモ.md': '## 見出し\n\nText back to [[Zürich Büro]].\n',
        'Ελλάδα/Αθήνα.md': 'Αθήνα. #märkte\n',
      });
      const site = await build({ vault, out, search: false });
      expect(listFiles(out)).toEqual(
        expect.arrayContaining([
          'über-märkte/zürich-büro/index.html',
          '日本/東京-メモ/index.html',
          'ελλάδα/αθήνα/index.html',
          'zrh-büro/index.html',
          'tags/märkte/schweiz/index.html',
        ]),
      );
      expect(site.warnings).toEqual([]);
      expect(brokenReferences(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('public API', () => {
  it('exports build, serve and the planning helpers', async () => {
    const almanac = await import('../src/index.js');
    expect(Object.keys(almanac)).toEqual(
      expect.arrayContaining(['build', 'BuildError', 'serve', 'planSite', 'slugifyPath', 'slugifySegment', 'normaliseBase', 'formatWarning', 'siteSchema']),
    );
  });
});

it('writes alias redirects itself, escaping the title and URLs as the templates do', async () => {
  const { redirectHtml } = await import('../src/publish/pages/redirect-html.js');
  const html = redirectHtml(
    {
      kind: 'redirect',
      output: 'x/index.html',
      url: '/x/',
      title: 'A "quoted" <b>title</b> & co \\ more',
      target: '/notes/a-b/?q="1"',
      canonical: 'https://me.example/notes/a-b/',
    },
    {
      title: 'Site',
      base: '/base/',
      language: 'en',
      nav: [],
      search: true,
      searchUrl: '/base/search/',
      tagsUrl: '/base/tags/',
      explorer: { folders: [], notes: [], complete: true },
      origin: null,
      feed: false,
    },
  );
  // Nunjucks' autoescape, as the template it replaced (a backslash too).
  expect(html).toContain('<title>A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; co &#92; more</title>');
  expect(html).toContain('content="0; url=/notes/a-b/?q=&quot;1&quot;"');
  expect(html).toContain('<link rel="canonical" href="https://me.example/notes/a-b/">');
  expect(html).toContain('href="/base/assets/favicon.svg"');
  expect(html).not.toContain('<b>');
});
