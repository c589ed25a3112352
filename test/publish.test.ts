// almanac build on the sample vault and on small purpose-made vaults: links resolve,
// backlinks carry their sentence, unpublished notes leave no trace, note HTML is inert,
// and --base prefixes every link.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/publish/index.js';
import { indexNotes, searchUrl } from '../src/publish/search/search-index.js';
import { words } from '../src/publish/search/words.js';
import { ROOT, runCli, tempDir, writeVault } from './support/vault.js';
import { readGraphJson } from './support/graph-json.js';
import {
  allText,
  brokenReferences,
  isExternal,
  listFiles,
  read,
  references,
  searchMeta,
  searchPages,
  searchTerms,
  writtenPageWords,
} from './fixtures/publish/crawl.js';

const outDir = (): string => tempDir('almanac-site-');

const NOW = new Date('2026-02-01T00:00:00Z');

describe('the sample vault as a site', () => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await build({ cwd: ROOT, out: outDir(), now: NOW });
  });

  it('builds every published note with no broken links', () => {
    expect(site.notes).toBe(88);
    expect(site.warnings).toEqual([]);
    expect(listFiles(site.outDir)).toContain('rotations/sector-rotation/index.html');
  });

  it('has every internal href and src landing on a file (and #anchors on an id)', () => {
    expect(brokenReferences(site.outDir)).toEqual([]);
    expect(references(site.outDir).filter((ref) => !isExternal(ref.value)).length).toBeGreaterThan(5000);
  });

  it("lists Sector Rotation among NVIDIA's backlinks, with the sentence, and Sector Rotation links to NVIDIA", () => {
    const nvidia = read(site.outDir, 'companies/nvidia/index.html');
    const backlinks = nvidia.slice(nvidia.indexOf('<section class="backlinks"'));
    expect(backlinks).toContain('<a class="internal" href="/rotations/sector-rotation/" data-slug="rotations/sector-rotation">Sector Rotation</a>');
    expect(backlinks).toMatch(/<p class="backlink-context">[^<]*Michael Burry cryptic warning, shorts NVIDIA \+ Palantir/);
    const rotation = read(site.outDir, 'rotations/sector-rotation/index.html');
    expect(rotation).toContain('<a class="internal" href="/companies/nvidia/" data-slug="companies/nvidia">NVIDIA</a>');
  });

  it('follows the page markup contract', () => {
    const nvidia = read(site.outDir, 'companies/nvidia/index.html');
    expect(nvidia).toContain('<html lang="en" data-theme="light">');
    expect(nvidia).toContain('<link rel="stylesheet" href="/assets/almanac.css">');
    expect(nvidia).toContain('<script type="module" src="/assets/almanac.js"></script>');
    expect(nvidia).toContain('<meta name="almanac-base" content="/">');
    expect(nvidia).toContain('<meta name="almanac-aliases" content="NVDA, Nvidia, NVIDIA Corporation">');
    expect(nvidia).toContain('<header class="site-header">');
    expect(nvidia).toContain('<div id="search" class="search"><a class="search-link" href="/search/">Search</a></div>');
    expect(nvidia).toContain('<button id="theme-toggle" type="button" aria-label="Toggle dark mode">');
    expect(nvidia).toContain('<main id="content">');
    expect(nvidia).toContain('<article class="note" data-note-path="Companies/NVIDIA.md">');
    expect(nvidia).toContain('<h1 id="nvidia">NVIDIA</h1>');
    expect(nvidia).toContain('<p class="note-aliases">Also known as NVDA, Nvidia, NVIDIA Corporation</p>');
    expect(nvidia).toContain('<nav class="toc" id="toc" aria-label="Contents">');
    expect(nvidia).toContain('<div class="local-graph" data-slug="companies/nvidia"><script type="application/json">{"types":["company",');
    // The note's own `# NVIDIA` became the page's <h1>, not a second one.
    expect(nvidia.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('renders heading and block links with the anchors the target pages carry', () => {
    const nvidia = read(site.outDir, 'companies/nvidia/index.html');
    expect(nvidia).toContain('href="/rotations/sector-rotation/#historical-mag-7-annual-returns-2021-2025"');
    expect(read(site.outDir, 'rotations/sector-rotation/index.html')).toContain('<h3 id="historical-mag-7-annual-returns-2021-2025">');
    expect(nvidia).toContain('href="/concepts/copper-cliff/#^gpu-eightfold" data-slug="concepts/copper-cliff">the copper cliff</a>');
    expect(read(site.outDir, 'concepts/copper-cliff/index.html')).toMatch(/<p id="\^gpu-eightfold">/);
  });

  it('renders embeds, images, callouts, highlights, tags and tables; drops comments', () => {
    const breadth = read(site.outDir, 'concepts/breadth-divergence/index.html');
    expect(breadth).toMatch(
      /<div class="embed" data-slug="rotations\/sector-rotation"><div class="embed-title"><a class="internal" href="\/rotations\/sector-rotation\/#rotation-signature-pattern"/,
    );
    expect(breadth).toContain('<div class="callout" data-callout="warning"><div class="callout-title">Rotation can still turn into a selloff</div>');
    expect(breadth).toContain('<div class="table-wrap"><table>');
    const acronyms = read(site.outDir, 'concepts/mega-cap-tech-acronyms/index.html');
    // The embedded section of Sector Rotation brings its table's chart (charts/, a `%% chart %%` comment there).
    expect(acronyms).toMatch(/<figure class="chart"><svg class="chart-svg chart-columns"/);
    const gap = read(site.outDir, 'concepts/small-cap-valuation-gap/index.html');
    expect(gap).toMatch(/<img src="\/files\/attachments\/valuation-gap\.svg" alt="valuation-gap" loading="lazy">/);
    expect(listFiles(site.outDir)).toContain('files/attachments/valuation-gap.svg');
    const foldable = listFiles(site.outDir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => read(site.outDir, file))
      .find((html) => html.includes('<details class="callout"'));
    expect(foldable).toMatch(/<details class="callout" data-callout="warning"><summary class="callout-title">/);
    const hartnett = read(site.outDir, 'analysts/michael-hartnett/index.html');
    expect(hartnett).toContain('<mark>undervalued mid-caps for 2026</mark>');
    const rotation = read(site.outDir, 'rotations/sector-rotation/index.html');
    expect(rotation).toContain('<a class="tag" href="/tags/concept/">#concept</a>');
    const xmag = read(site.outDir, 'etfs/xmag/index.html');
    expect(xmag).not.toContain('Flows are rounded approximations');
  });

  it('writes tag, type, folder, search, graph, home and 404 pages', () => {
    const markets = read(site.outDir, 'tags/markets/index.html');
    expect(markets).toContain('href="/tags/markets/rotation/"');
    expect(markets).toContain('data-slug="rotations/sector-rotation"');
    const companies = read(site.outDir, 'types/companies/index.html');
    expect(companies).toMatch(/<th scope="col">ticker<\/th>/);
    expect(companies).toMatch(
      /<a class="internal" href="\/companies\/nvidia\/" data-slug="companies\/nvidia">NVIDIA<\/a><\/th><td data-label="ticker">NVDA<\/td>/,
    );
    const types = read(site.outDir, 'types/index.html');
    for (const label of ['Analysts', 'Firms', 'ETFs', 'Companies', 'Rotations', 'Concepts', 'Theses', 'Events']) expect(types).toContain(`>${label}</a>`);
    expect(read(site.outDir, 'companies/index.html')).toContain('data-slug="companies/nvidia"');
    const search = read(site.outDir, 'search/index.html');
    expect(search.match(/class="internal" data-slug=/g)).toHaveLength(88);
    expect(read(site.outDir, 'graph/index.html')).toContain('<div class="global-graph" data-graph="/graph.json"></div>');
    expect(read(site.outDir, 'index.html')).toContain('<h1 id="market-research-almanac">Market Research Almanac</h1>');
    // No site.title configured: the vault's index.md names the site.
    expect(read(site.outDir, 'companies/nvidia/index.html')).toContain('<title>NVIDIA · Market Research Almanac</title>');
    expect(read(site.outDir, '404.html')).toContain('Page not found');
  });

  it('writes alias redirects and graph.json; no sitemap.xml or feed.xml without site.url (test/publish-navigation.test.ts)', () => {
    const nvda = read(site.outDir, 'nvda/index.html');
    expect(nvda).toContain('<meta http-equiv="refresh" content="0; url=/companies/nvidia/">');
    expect(nvda).toContain('<link rel="canonical" href="/companies/nvidia/">');
    expect(existsSync(join(site.outDir, 'sitemap.xml'))).toBe(false);
    expect(existsSync(join(site.outDir, 'feed.xml'))).toBe(false);
    const graph = readGraphJson(site.outDir);
    expect(graph.nodes).toHaveLength(88);
    expect(graph.nodes).toContainEqual({ id: 'companies/nvidia', title: 'NVIDIA', url: '/companies/nvidia/', type: 'company' });
    expect(graph.linked('rotations/sector-rotation', 'companies/nvidia')).toBe(true);
    const ids = new Set(graph.nodes.map((node) => node.id));
    expect(graph.links.every((link) => ids.has(link.source) && ids.has(link.target))).toBe(true);
  });

  it('indexes every note page for search, in site order, and no redirect or listing page', () => {
    const meta = searchMeta(site.outDir);
    expect(meta).toMatchObject({ format: 1, language: 'en', stem: true, pages: 88, pagesPerFile: 16 });
    expect(meta.lengths).toHaveLength(88);
    const urls = searchPages(site.outDir).map((page) => page.url);
    expect(urls).toEqual(site.plan.pages.notes.map((page) => searchUrl(page, site.base)));
    expect(urls).toContain('companies/nvidia/');
    expect(urls).toContain('');
    expect(site.plan.pages.redirects.map((page) => searchUrl(page, site.base))).toContain('nvda/');
    for (const page of [...site.plan.pages.redirects, ...site.plan.pages.listings]) expect(urls).not.toContain(searchUrl(page, site.base));
  });

  it('indexes the words the written pages show, cut at their headings, with chunked terms', () => {
    const pages = searchPages(site.outDir);
    for (const page of site.plan.pages.notes) {
      const indexed = pages.find((entry) => entry.url === searchUrl(page, site.base));
      const written = writtenPageWords(site.outDir, page.output);
      expect(words(indexed?.title ?? '')).toEqual(written.title);
      const sections = indexed?.sections ?? [];
      expect(sections.flatMap((section, index) => words(index === 0 ? section.text : `${section.heading} ${section.text}`))).toEqual(written.body);
      // Every section after the first is a heading the page has an id for.
      for (const section of sections.slice(1)) expect(read(site.outDir, page.output)).toContain(` id="${section.anchor}"`);
    }
    const yardeni = pages.find((page) => page.url === 'analysts/ed-yardeni/');
    expect(yardeni?.aliases).toContain('Yardeni');
    expect(yardeni?.sections.map((section) => section.anchor)).toEqual(expect.arrayContaining(['ed-yardeni', 'the-ai-fatigue-call', 'related']));
    const terms = searchTerms(site.outDir);
    expect(searchMeta(site.outDir).chunks.length).toBeGreaterThan(1);
    const postings = terms.get('yardeni') ?? [];
    const weightOf = (id: number | undefined): number | undefined => (id === undefined ? undefined : postings[postings.indexOf(id) + 1]);
    // In the title and an alias: weighted far above a mention in the text.
    expect(weightOf(yardeni?.id)).toBeGreaterThanOrEqual(22);
    expect(postings.length / 2).toBeGreaterThan(3);
    for (const list of terms.values()) {
      for (let i = 0; i < list.length; i += 2) {
        expect(list[i + 1]).toBeGreaterThan(0);
        if (i > 0) expect(list[i]).toBeGreaterThan(list[i - 2] ?? Infinity);
      }
    }
    // English is stemmed: "rotations" and "rotation" are one term.
    expect(terms.has('rotat')).toBe(true);
    expect(terms.has('rotations')).toBe(false);
  });
});

describe('unpublished notes', () => {
  const files = {
    'almanac.yaml': 'vault: vault\nsite:\n  title: Privacy test\n  url: https://me.example\n  exclude: [Private]\n',
    'vault/Public.md': [
      '---',
      'tags: [open]',
      'updated: 2026-01-10',
      '---',
      '# Public',
      '',
      'The xylophonic overview refers to [[Secret Plan|the plan]] and to [[Secret Plan#Zanzibar Heading|its details]].',
      '',
      '![[Secret Plan]]',
      '',
      '![[Secret Plan#Zanzibar Heading]]',
      '',
      'Also see [[Diary|my notes]] and ![[Diary]] and [[Other]]. ![[photo.png]]',
      '',
    ].join('\n'),
    'vault/Other.md': '---\nupdated: 2026-01-11\n---\nOther links back to [[Public]].\n',
    // Embeds of unpublished notes inside a first paragraph (feed summary) and a heading (TOC, id).
    'vault/Digest.md': [
      '---',
      'updated: 2026-01-12',
      '---',
      '![[Secret Plan]] The weekly digest gathers what changed across the published notes.',
      '',
      '## Weekly ![[Secret Plan#Zanzibar Heading]] roundup',
      '',
      'See [[Public#Public]].',
      '',
    ].join('\n'),
    'vault/Secret Plan.md': [
      '---',
      'title: Nightingale Protocol',
      'publish: false',
      'aliases: [Nightjar]',
      'tags: [clandestine]',
      'type: thesis',
      'updated: 2026-01-20',
      '---',
      'Quetzalcoatl uranium tangerine, linking [[Public]] and [[Other]].',
      '',
      '## Zanzibar Heading',
      '',
      'Embargoed marzipan figures. ![[photo.png]]',
      '',
    ].join('\n'),
    'vault/Private/Diary.md': '---\nupdated: 2026-01-21\n---\n# Diary\n\nMarmalade omega entries, see [[Public]]. #confidential\n',
    'vault/Private/photo.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  };
  const secrets = [
    'Nightingale',
    'Nightjar',
    'Secret Plan',
    'secret-plan',
    'secret plan',
    'Quetzalcoatl',
    'tangerine',
    'Zanzibar',
    'marzipan',
    'clandestine',
    'Marmalade',
    'Diary',
    'diary',
    'confidential',
    'photo',
  ];
  let site: BuildResult;

  beforeAll(async () => {
    const dir = writeVault(files);
    site = await build({ config: join(dir, 'almanac.yaml'), out: outDir(), now: NOW });
  });

  it('are absent from every output file, search index included', () => {
    expect(site.notes).toBe(3);
    expect(read(site.outDir, 'feed.xml')).toContain('<summary>The weekly digest gathers what changed across the published notes.</summary>');
    expect(read(site.outDir, 'digest/index.html')).toContain('<a href="#weekly-roundup">Weekly roundup</a>');
    const texts = allText(site.outDir);
    // Positive control: the search index does hold the published text.
    expect(texts.some(({ file, text }) => file.startsWith('search-index/pages/') && /xylophonic/i.test(text))).toBe(true);
    expect(texts.some(({ file, text }) => file.startsWith('search-index/terms/') && text.includes('"xylophon'))).toBe(true);
    const leaks = texts.flatMap(({ file, text }) =>
      secrets.filter((secret) => text.toLowerCase().includes(secret.toLowerCase())).map((secret) => `${file}: ${secret}`),
    );
    expect(leaks).toEqual([]);
    expect(listFiles(site.outDir).filter((file) => /secret|nightingale|diary|photo|private/i.test(file))).toEqual([]);
  });

  it('turn links into plain display text and embeds into a neutral placeholder', () => {
    const page = read(site.outDir, 'public/index.html');
    expect(page).toContain('The xylophonic overview refers to the plan and to its details.');
    expect(page).toContain('Also see my notes and');
    expect(page.match(/<div class="embed embed-private">This content is not published\.<\/div>/g)).toHaveLength(3);
    // An image from an excluded folder is as private as the notes there.
    expect(page).toContain('<span class="embed embed-private">This content is not published.</span>');
    expect(page).toContain('<a class="internal" href="/other/" data-slug="other">Other</a>');
  });

  it('leave no backlinks, graph nodes, tags or types behind', () => {
    const other = read(site.outDir, 'other/index.html');
    expect(other).toContain('<a class="internal" href="/public/" data-slug="public">Public</a>');
    const graph = readGraphJson(site.outDir);
    expect(graph.nodes.map((node) => node.id).sort()).toEqual(['digest', 'other', 'public']);
    // Public and Other link each other, Digest links Public: graph.json holds each pair once.
    expect(graph.links.map(({ source, target }) => [source, target].sort().join(' – ')).sort()).toEqual(['digest – public', 'other – public']);
    expect(listFiles(site.outDir).filter((file) => file.startsWith('types/'))).toEqual(['types/index.html']);
    expect(brokenReferences(site.outDir)).toEqual([]);
  });
});

describe('the search index', () => {
  const vault = {
    'Alpha.md': [
      '---',
      "aliases: [Al, 'First \\ Letter']",
      'tags: [greek]',
      'type: letter',
      '---',
      '# Alpha',
      '',
      'Alpha is the first letter.',
      '',
      '## Origins',
      '',
      'From the Phoenician aleph.',
      '',
    ].join('\n'),
    'Beta.md': ['---', 'title: Beta & "Bravo" <B> it\'s', 'aliases: [B&B]', 'tags: [greek]', '---', 'Beta follows [[Alpha]].', ''].join('\n'),
    'More/Gamma.md': ['---', 'aliases: [Third]', '---', '# Gamma', '', 'Quoting ![[Alpha#Origins]]', ''].join('\n'),
  };

  it('holds every note page and no redirect or listing page, built by the CLI (worker thread), by build() and by indexNotes() (serve) alike', async () => {
    const dir = writeVault(vault);
    const cliOut = outDir();
    const cli = runCli(['build', '--vault', dir, '--out', cliOut]);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const site = await build({ vault: dir, out: outDir(), now: NOW });
    const notes = site.plan.pages.notes.map((page) => searchUrl(page, site.base));
    expect(notes).toEqual(['alpha/', 'beta/', 'more/gamma/']);
    const others = [...site.plan.pages.redirects, ...site.plan.pages.listings].map((page) => searchUrl(page, site.base));
    expect(others).toEqual(expect.arrayContaining(['al/', 'third/', 'tags/greek/', 'types/']));
    for (const out of [cliOut, site.outDir]) {
      const index = searchPages(out);
      expect(index.map((page) => page.url)).toEqual(notes);
      expect(index.map((page) => page.title)).toEqual(['Alpha', 'Beta & "Bravo" <B> it\'s', 'Gamma']);
      const alpha = index.find((page) => page.url === 'alpha/');
      expect(alpha?.sections).toEqual([
        { anchor: 'alpha', heading: 'Alpha', text: 'Alpha is the first letter.' },
        { anchor: 'origins', heading: 'Origins', text: 'From the Phoenician aleph.' },
      ]);
      expect(alpha?.aliases).toEqual(['Al', 'First \\ Letter']);
      // Gamma embeds Alpha's section: its page shows that text, so search finds it there too.
      expect(JSON.stringify(index.find((page) => page.url === 'more/gamma/'))).toContain('Phoenician');
      expect(searchTerms(out).get('phoenician')).toEqual([0, 1, 2, 1]);
    }
    const files = (out: string): Array<[string, string]> =>
      listFiles(out)
        .filter((file) => file.startsWith('search-index/'))
        .map((file) => [file, read(out, file)]);
    expect(files(cliOut)).toEqual(files(site.outDir));
    const served = outDir();
    expect(await indexNotes(site.plan.pages.notes, served, site.project.config.site.language, site.base)).toBe(3);
    expect(files(served)).toEqual(files(site.outDir));
  });

  it("replaces a staging folder a killed build left in the output, and keeps the output's other dotfiles", async () => {
    const out = outDir();
    mkdirSync(join(out, '.search-index-999-1', 'terms'), { recursive: true });
    writeFileSync(join(out, '.search-index-999-1', 'terms', '0.json'), '{}');
    writeFileSync(join(out, '.gitkeep'), '');
    await build({ vault: writeVault(vault), out, cache: false });
    const files = listFiles(out);
    expect(files).toContain('.gitkeep');
    expect(files).toContain('search-index/meta.json');
    expect(files.filter((file) => file.startsWith('.search-index'))).toEqual([]);
  });

  it('is not left running by a build that fails', () => {
    const out = outDir();
    // The indexing thread started before the notes were rendered; left running, it would keep the CLI from exiting.
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/almanac.js'), 'build', '--vault', writeVault({ 'A.md': 'Links to [[Nowhere]].\n' }), '--out', out, '--strict'],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('almanac: 1 broken link in published notes (--strict)');
    expect(listFiles(out)).toEqual([]);
  });
});

describe('note HTML is sanitised', () => {
  it('keeps nothing executable from note content', async () => {
    const dir = writeVault({
      'Evil.md': [
        '# Evil',
        '',
        '<script>alert("s1")</script>',
        '',
        'Inline <img src="x.png" onerror="alert(\'s2\')"> image and <span onmouseover="alert(3)">hover</span>.',
        '',
        '[x](javascript:alert(4)) and [y](JAVASCRIPT:alert(5)) and [z](  javascript:alert(6))',
        '',
        '<a href="javascript:alert(7)">a</a> <iframe src="javascript:alert(8)"></iframe> <svg onload="alert(9)"></svg>',
        '',
        '![pic](javascript:alert(10)) <object data="javascript:alert(11)"></object> <form action="javascript:alert(12)"><button formaction="javascript:alert(13)">b</button></form>',
        '',
        '<div style="background:url(javascript:alert(14))">styled</div> <math><mi xlink:href="javascript:alert(15)">m</mi></math>',
        '',
        '[[Safe|<script>alert(16)</script>]] and <details open ontoggle="alert(17)"><summary>s</summary>d</details>',
        '',
      ].join('\n'),
      'Safe.md': 'A safe note.\n',
    });
    const site = await build({ vault: dir, out: outDir(), search: false, now: NOW });
    const page = read(site.outDir, 'evil/index.html');
    // The page's script, and its local graph's data (no markup in it: `<` is written \u003c).
    expect(page.match(/<script\b[^>]*>/gi)).toEqual(['<script type="module" src="/assets/almanac.js">', '<script type="application/json">']);
    expect(/<script type="application\/json">([^<]*)<\/script>/.exec(page)?.[1]).toContain('"nodes":[["evil",');
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/javascript:/i);
    expect(page).not.toMatch(/<(iframe|object|embed|form|svg|math|style)\b/i);
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).toContain('&#x3C;script>alert(16)&#x3C;/script>');
    for (const { text } of allText(site.outDir).filter(({ file }) => file.endsWith('.html') || file.endsWith('.xml') || file.endsWith('.json'))) {
      expect(text).not.toMatch(/javascript:/i);
      expect(text).not.toMatch(/<script>alert/);
    }
  });
});

describe('--base', () => {
  it('prefixes every internal link, src and redirect with the base', async () => {
    const out = outDir();
    const result = runCli(['build', '--out', out, '--base', '/prefix/', '--no-search']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Built \d+ pages \(88 notes\) in \d+\.\d s, 0 warnings → /);
    const internal = references(out).filter((ref) => !isExternal(ref.value) && !ref.value.startsWith('#'));
    expect(internal.length).toBeGreaterThan(4000);
    expect(internal.filter((ref) => !ref.value.startsWith('/prefix/'))).toEqual([]);
    expect(brokenReferences(out, '/prefix/')).toEqual([]);
    expect(read(out, 'index.html')).toContain('<meta name="almanac-base" content="/prefix/">');
    // Built without a search index: the client is told not to mount search.
    expect(read(out, 'index.html')).toContain(
      '<div id="search" class="search" data-search="off"><a class="search-link" href="/prefix/search/">Search</a></div>',
    );
    expect(read(out, 'nvda/index.html')).toContain('content="0; url=/prefix/companies/nvidia/"');
    // graph.json holds slugs, not URLs: the client puts them under the base its page names.
    expect(read(out, 'graph.json')).not.toContain('/prefix/');
  });
});

describe('broken links', () => {
  const vault = { 'A.md': 'Links to [[Nowhere]] and [[B#No such heading]].\n', 'B.md': '# B\n' };

  it('are warnings that do not stop a build', async () => {
    const site = await build({ vault: writeVault(vault), out: outDir(), search: false });
    expect(site.warnings.map((warning) => `${warning.file}:${warning.line} ${warning.rule}`)).toEqual(['A.md:1 unresolved-link', 'A.md:1 unresolved-heading']);
    const page = read(site.outDir, 'a/index.html');
    expect(page).toContain('<span class="unresolved" title="Missing note">Nowhere</span>');
    expect(page).toContain('<a class="internal" href="/b/" data-slug="b">B › No such heading</a>');
  });

  it('fail a --strict build, which writes nothing', () => {
    const out = outDir();
    const result = runCli(['build', '--vault', writeVault(vault), '--out', out, '--strict', '--no-search']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'almanac: 2 broken links in published notes (--strict):\nA.md\n  A.md:1:10  warning  No note or file named “Nowhere”  unresolved-link',
    );
    expect(listFiles(out)).toEqual([]);
  });
});
