// Issue 12 §2: a published note that holds `[[Secret Plans]]` as literal text (inside a raw
// HTML block, code, escaped brackets, an attribute) must not publish the private note's
// name: every literal `[[…]]`/`![[…]]` whose target names a private note or an unpublished
// attachment is redacted in the page and in the search index; other literal links stay.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/publish/index.js';
import { REDACTED } from '../src/publish/model/redact.js';
import { tempDir, writeVault } from './support/vault.js';
import { allText, read, searchPages } from './fixtures/publish/crawl.js';

const SECRETS = ['Secret Plans', 'codename', 'Nightjar', 'Diary', 'photo.png', 'Hushhush'];

const PUBLIC = [
  '---',
  'description: "Overview, see [[Secret Plans]]"',
  '---',
  '# Public',
  '',
  'The xylophonic overview.',
  '',
  '<div class="aside">',
  'Raw HTML: [[Secret Plans]], [[Secret Plans|the codename]], ![[Secret Plans]], [[secret plans#Heading]],',
  '[[Nightjar]] (an alias), [[Private/Diary]], [[Diary.md]], ![[photo.png]], [[Hushhush]],',
  'and these stay: [[Public Friend]], [[Nowhere At All]], [[#Local]].',
  '<span title="[[Secret Plans]]">hover</span>',
  '</div>',
  '',
  'Code: `[[Secret Plans]]` and an escaped \\[[Secret Plans]] in text.',
  '',
  '```',
  'fenced [[Secret Plans|the codename]]',
  '```',
  '',
  'A real link to [[Public Friend]].',
  '',
].join('\n');

describe('literal wikilinks naming private notes', () => {
  let site: BuildResult;

  beforeAll(async () => {
    const dir = writeVault({
      'almanac.yaml': 'vault: vault\nsite:\n  exclude: [Private]\n',
      'vault/Public.md': PUBLIC,
      'vault/Public Friend.md': 'A friend that links to [[Public]].\n',
      'vault/Secret Plans.md': '---\npublish: false\naliases: [Nightjar]\n---\n# Heading\nSecret.\n',
      // Private by doubt: `publish` is a string.
      'vault/Hushhush.md': '---\npublish: "false"\n---\nSecret too.\n',
      'vault/Private/Diary.md': 'Excluded.\n',
      'vault/Private/photo.png': 'png',
    });
    site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-redact-'), cache: false });
  });

  it('are redacted from the page, attributes and description included', () => {
    const page = read(site.outDir, 'public/index.html');
    const article = page.slice(page.indexOf('<article'));
    for (const secret of SECRETS) expect(page.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    // Raw HTML: 9 private literals; code span, escaped text, fenced code: 3 more (the title attribute may be sanitized away).
    expect(article.split(REDACTED).length - 1).toBeGreaterThanOrEqual(12);
  });

  it('are redacted from every file of the site, the search index included', () => {
    const texts = allText(site.outDir);
    // Positive control: the search index holds the page's words.
    expect(texts.some(({ file, text }) => file.startsWith('search-index/') && text.includes('xylophon'))).toBe(true);
    const leaks = texts.flatMap(({ file, text }) =>
      SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase())).map((secret) => `${file}: ${secret}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keep literal links to published notes, missing notes and headings as written', () => {
    const page = read(site.outDir, 'public/index.html');
    expect(page).toContain('[[Public Friend]]');
    expect(page).toContain('[[Nowhere At All]]');
    expect(page).toContain('[[#Local]]');
    const search = searchPages(site.outDir)
      .map((entry) => JSON.stringify(entry))
      .join('\n');
    expect(search).toContain('Public Friend');
    expect(search).toContain('Nowhere At All');
  });
});

describe('frontmatter wikilinks naming private notes on type pages', () => {
  it('are redacted in the type table cells; links to published notes stay links', async () => {
    const dir = writeVault({
      'almanac.yaml': 'vault: vault\ntypes:\n  company: {}\nsite:\n  columns:\n    company: [analyst]\n',
      'vault/Acme.md': '---\ntype: company\nanalyst: "[[Secret Plans]]"\n---\nAcme.\n',
      'vault/Bolt.md': '---\ntype: company\nanalyst: "[[Public Analyst|PA]]"\n---\nBolt.\n',
      'vault/Public Analyst.md': 'An analyst.\n',
      'vault/Secret Plans.md': '---\npublish: false\n---\nSecret.\n',
    });
    const site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-redact-types-'), cache: false });
    const page = allText(site.outDir).find(({ file }) => /types\/compan(y|ies)\/index\.html$/.test(file));
    expect(page?.text).toContain('Acme');
    expect(page?.text).toContain('>PA</a>');
    expect(page?.text.toLowerCase()).not.toContain('secret plans');
  });
});
