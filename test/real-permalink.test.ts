// Obsidian Publish's `permalink:` frontmatter (issue 13, "decide and document"): a note's page
// is at its permalink, slugged safely, and its natural URL redirects there; a permalink that is
// unusable (`..`, a URL) or taken keeps the note at its natural URL with a warning at its line.
// Fixtures: test/fixtures/real/permalink-*.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { loadVault } from '../src/vault/load.js';
import { resolveLinks } from '../src/resolve/index.js';
import { defaultConfig } from '../src/config/schema.js';
import { buildSiteModel, type SiteModel } from '../src/publish/model/site-model.js';
import { planSite } from '../src/publish/pages/plan.js';
import { build } from '../src/publish/index.js';
import { ROOT, tempDir, writeVault } from './support/vault.js';

const fixture = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/real', name), 'utf8');

async function model(files: Record<string, string>): Promise<SiteModel> {
  const dir = writeVault(files);
  const vault = await loadVault(dir);
  return buildSiteModel({ notes: vault.notes, graph: resolveLinks(vault), vaultRoot: dir, base: '/', options: defaultConfig().site });
}

const urls = (site: SiteModel): Record<string, string> => Object.fromEntries(site.notes.map((entry) => [entry.note.path, entry.url]));
const warnings = (site: SiteModel): string[] => site.warnings.map((warning) => `${warning.file}:${warning.line} ${warning.rule} ${warning.message}`);

describe('permalink', () => {
  it('puts the page at its permalink and redirects the natural URL there', async () => {
    const site = await model({ 'Docs/Getting started.md': fixture('permalink-basic.md'), 'Other page.md': '# Other\n' });
    expect(urls(site)).toEqual({ 'Docs/Getting started.md': '/guides/getting-started/', 'Other page.md': '/other-page/' });
    expect(warnings(site)).toEqual([]);
    const redirects = planSite({ notes: [], graph: site.graph, vaultRoot: site.vaultRoot, base: '/', options: site.options }, site).pages.redirects;
    expect(redirects.map((page) => `${page.url} → ${page.target}`)).toEqual(['/docs/getting-started/ → /guides/getting-started/']);
  });

  it('slugs each segment and normalises slashes, case, percent-escapes and a query or fragment', async () => {
    const cases: Record<string, string> = {
      '/Guides/Start Here/': '/guides/start-here/',
      'guides\\\\start': '/guides/start/',
      'caf%C3%A9/menu?x=1#top': '/café/menu/'.replace('é', encodeURIComponent('é')),
      2026: '/2026/',
    };
    for (const [permalink, url] of Object.entries(cases)) {
      const site = await model({ 'A.md': `---\npermalink: ${JSON.stringify(Number.isNaN(Number(permalink)) ? permalink : Number(permalink))}\n---\n` });
      expect(urls(site)['A.md'], permalink).toBe(url);
    }
  });

  it('a permalink with `..`, a URL, or no letters keeps the natural URL, with a warning at its line', async () => {
    const site = await model({
      'Escape.md': fixture('permalink-dotdot.md'),
      'Url.md': '---\ntitle: U\npermalink: https://example.com/x\n---\n',
      'Empty.md': '---\npermalink: "/ ! /"\n---\n',
      'List.md': '---\npermalink: [a, b]\n---\n',
    });
    expect(urls(site)).toEqual({ 'Empty.md': '/empty/', 'Escape.md': '/escape/', 'List.md': '/list/', 'Url.md': '/url/' });
    expect(warnings(site)).toEqual([
      'Empty.md:2 permalink Frontmatter `permalink` “/ ! /” has no letter or digit in a segment; the note keeps its own URL',
      'Escape.md:2 permalink Frontmatter `permalink` may not hold `.` or `..` segments (“../../outside”); the note keeps its own URL',
      'List.md:2 permalink Frontmatter `permalink` must be a path such as guides/start, not a list or mapping; the note keeps its own URL',
      'Url.md:3 permalink Frontmatter `permalink` must be a path on this site, not a URL (“https://example.com/x”); the note keeps its own URL',
    ]);
  });

  it('a permalink another note has, an earlier permalink has, or the site keeps falls back to the natural URL with a warning', async () => {
    const site = await model({
      'Other page.md': '# Other\n',
      'Taken.md': fixture('permalink-taken.md'),
      'First.md': '---\npermalink: shared\n---\n',
      'Second.md': '---\npermalink: shared\n---\n',
      'Assets.md': '---\npermalink: assets/logo\n---\n',
    });
    expect(urls(site)).toEqual({
      'Assets.md': '/assets-2/',
      'First.md': '/shared/',
      'Other page.md': '/other-page/',
      'Second.md': '/second/',
      'Taken.md': '/taken/',
    });
    expect(warnings(site).sort()).toEqual([
      'Assets.md:2 permalink Permalink “assets/logo” is a URL Almanac keeps for its own pages; the note keeps its own URL /assets-2/',
      'Second.md:2 permalink Permalink “shared” is already the URL of First.md; the note keeps its own URL /second/',
      'Taken.md:2 permalink Permalink “other-page” is already the URL of Other page.md; the note keeps its own URL /taken/',
    ]);
  });

  it('notes without a permalink keep the URLs they had', async () => {
    const files = { 'a.md': '', 'b/a.md': '', 'A!.md': '', 'c.md': '' };
    const before = urls(await model(files));
    const after = urls(await model({ ...files, 'z.md': '---\npermalink: c-2\n---\n' }));
    for (const [path, url] of Object.entries(before)) expect(after[path], path).toBe(url);
    expect(after['z.md']).toBe('/c-2/');
  });

  it('is read from the parsed frontmatter as written', () => {
    expect(parseNote('a.md', fixture('permalink-basic.md')).frontmatter.permalink).toBe('guides/getting-started');
  });

  it('a build writes the page at the permalink, a redirect at the natural URL, and links to the new URL', async () => {
    const vault = writeVault({ 'Docs/Getting started.md': fixture('permalink-basic.md'), 'Other page.md': '# Other\n\n[[Getting started]]\n' });
    const out = join(tempDir('almanac-site-'), 'site');
    const result = await build({ vault, out, cache: false, search: false });
    expect(result.warnings).toEqual([]);
    expect(readFileSync(join(out, 'guides/getting-started/index.html'), 'utf8')).toContain('Getting started');
    const redirect = readFileSync(join(out, 'docs/getting-started/index.html'), 'utf8');
    expect(redirect).toContain('/guides/getting-started/');
    expect(readFileSync(join(out, 'other-page/index.html'), 'utf8')).toContain('href="/guides/getting-started/"');
    expect(existsSync(join(out, 'outside'))).toBe(false);
  });
});
