// Navigation and page meta a Quartz or Obsidian Publish reader expects (issue 17, item 10):
// breadcrumbs, the explorer's folder tree, Open Graph and Twitter meta, and feed.xml and
// sitemap.xml only with site.url (they need absolute URLs), said once at build time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, NO_SITE_URL } from '../src/publish/index.js';
import { tempDir, writeVault } from './support/vault.js';

const NOTES = {
  'vault/Research/Macro/Rates.md':
    '---\ntags: [macro]\n---\nRates stayed high through the year while inflation cooled slowly.\n\n![[curve.png]]\n\nMore [[Overview]].\n',
  'vault/Research/Macro/curve.png': Buffer.from('89504e470d0a1a0a', 'hex'),
  'vault/Research/Overview.md': '---\ndescription: What the research covers.\n---\nThe overview of the research notes and how to read them.\n',
  'vault/Top.md': 'A note at the root of the vault, linking [[Rates]].\n',
};

async function site(config: string): Promise<{ out: string; notices: string[]; read: (path: string) => string }> {
  const dir = writeVault({ ...NOTES, 'almanac.yaml': config });
  const out = join(tempDir(), 'site');
  const result = await build({ config: join(dir, 'almanac.yaml'), out, search: false, cache: false });
  return { out, notices: result.notices ?? [], read: (path) => readFileSync(join(out, path), 'utf8') };
}

describe('navigation and meta', () => {
  it('writes breadcrumbs: home, each folder, the page', async () => {
    const { read } = await site('vault: vault\nsite: {title: Desk}\n');
    const rates = read('research/macro/rates/index.html');
    expect(rates).toContain(
      '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Desk</a></li><li><a href="/research/">Research</a></li><li><a href="/research/macro/">Macro</a></li><li><span aria-current="page">Rates</span></li></ol></nav>',
    );
    expect(read('research/macro/index.html')).toContain('<li><a href="/research/">Research</a></li><li><span aria-current="page">Macro</span></li>');
  });

  it('writes the explorer: folders as <details> with counts, the page marked and its folders open', async () => {
    const { read } = await site('vault: vault\n');
    const rates = read('research/macro/rates/index.html');
    expect(rates).toContain('<nav class="explorer" aria-label="Explorer">');
    expect(rates).toMatch(/<details data-folder="Research" open><summary><a href="\/research\/">Research<\/a> <span class="count">2<\/span>/);
    expect(rates).toMatch(/<details data-folder="Research\/Macro" open>/);
    expect(rates).toContain('href="/research/macro/rates/" aria-current="page">Rates</a>');
    // On another page the folders are closed.
    expect(read('top/index.html')).toMatch(/<details data-folder="Research"><summary>/);
  });

  it('writes Open Graph and Twitter meta, the description from the first paragraph', async () => {
    const { read } = await site('vault: vault\nsite: {title: Desk, url: "https://me.example"}\n');
    const rates = read('research/macro/rates/index.html');
    expect(rates).toContain('<meta property="og:site_name" content="Desk">');
    expect(rates).toContain('<meta property="og:title" content="Rates">');
    expect(rates).toContain('<meta property="og:description" content="Rates stayed high through the year while inflation cooled slowly.">');
    expect(rates).toContain('<meta name="description" content="Rates stayed high through the year while inflation cooled slowly.">');
    expect(rates).toContain('<meta property="og:url" content="https://me.example/research/macro/rates/">');
    expect(rates).toContain('<meta property="og:image" content="https://me.example/files/research/macro/curve.png">');
    expect(rates).toContain('<meta name="twitter:card" content="summary_large_image">');
    const overview = read('research/overview/index.html');
    expect(overview).toContain('<meta property="og:description" content="What the research covers.">');
    expect(overview).toContain('<meta name="twitter:card" content="summary">');
    expect(overview).not.toContain('og:image');
  });

  it('writes feed.xml and sitemap.xml with absolute URLs only when site.url is set, and says so once otherwise', async () => {
    const without = await site('vault: vault\n');
    expect(existsSync(join(without.out, 'feed.xml'))).toBe(false);
    expect(existsSync(join(without.out, 'sitemap.xml'))).toBe(false);
    expect(without.read('top/index.html')).not.toContain('feed.xml');
    expect(without.notices).toEqual([NO_SITE_URL]);
    const withUrl = await site('vault: vault\nsite: {url: "https://me.example"}\n');
    expect(withUrl.notices).toEqual([]);
    expect(withUrl.read('sitemap.xml')).toContain('<loc>https://me.example/research/macro/rates/</loc>');
    expect(withUrl.read('feed.xml')).toContain('<link rel="alternate" href="https://me.example/"/>');
    expect(withUrl.read('top/index.html')).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.xml"');
  });
});
