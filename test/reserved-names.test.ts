// Issue 12 §6: a note named like a page Almanac generates (stale, tags, search, graph, types,
// 404, feed.xml…) keeps its natural URL; the generated page moves under /_almanac/, and
// the nav, footer and links to it follow.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { tempDir, writeVault } from './support/vault.js';
import { brokenReferences, read } from './fixtures/publish/crawl.js';

const NAV: Record<string, string> = { stale: 'Stale', tags: 'Tags', types: 'Types', graph: 'Graph' };

async function site(files: Record<string, string>): Promise<string> {
  const out = join(tempDir('almanac-site-'), 'site');
  // site.url: feed.xml is written only with it.
  const vault = Object.fromEntries(Object.entries(files).map(([path, text]) => [`vault/${path}`, text]));
  const dir = writeVault({ 'almanac.yaml': 'vault: vault\nsite: {url: "https://me.example"}\n', ...vault });
  await build({ config: join(dir, 'almanac.yaml'), out, cache: false, now: new Date('2026-02-01T00:00:00Z') });
  return out;
}

describe('a note named like a generated page', () => {
  it.each(['stale', 'tags', 'search', 'graph', 'types'])('%s.md keeps its natural URL; the generated page moves under /_almanac/', async (name) => {
    const out = await site({
      [`${name}.md`]: `---\ntype: concept\n---\n# My ${name} note\n\nWritten by hand. #topic\n`,
      'Other.md': `---\ntype: concept\n---\n# Other\n\nSee [[${name}]]. #topic\n`,
    });
    expect(read(out, `${name}/index.html`)).toContain(`My ${name} note`);
    const other = read(out, 'other/index.html');
    expect(other).toContain(`href="/${name}/"`);
    expect(existsSync(join(out, '_almanac', name, 'index.html'))).toBe(true);
    const moved = read(out, `_almanac/${name}/index.html`);
    expect(moved).not.toContain(`My ${name} note`);
    const label = NAV[name];
    if (label) expect(other).toContain(`<a href="/_almanac/${name}/">${label}</a>`);
    if (name === 'search') {
      expect(other).toContain('<a class="search-link" href="/_almanac/search/">');
      expect(other).toContain('<a href="/_almanac/search/">All notes</a>');
      expect(read(out, '404.html')).toContain('<a href="/_almanac/search/">All notes</a>');
    }
    if (name === 'tags') {
      // Tag pages stay at /tags/<tag>/, below the note.
      expect(read(out, 'tags/topic/index.html')).toContain('#topic');
      expect(read(out, '404.html')).toContain('<a href="/_almanac/tags/">Tags</a>');
    }
    expect(brokenReferences(out)).toEqual([]);
  });

  it.each([
    ['404.md', '404/index.html', '404.html'],
    ['feed.xml.md', 'feed-xml/index.html', 'feed.xml'],
  ])('%s is a page beside the generated file', async (file, page, generated) => {
    const out = await site({ [file]: '# Hand-made\n\nMine.\n', 'Other.md': `# Other\n\n[[${file.replace(/\.md$/, '')}]]\n` });
    expect(read(out, page)).toContain('Hand-made');
    expect(read(out, generated)).not.toContain('Mine.');
    expect(brokenReferences(out)).toEqual([]);
  });

  it('with no such note, every generated page keeps its usual URL', async () => {
    const out = await site({ 'Other.md': '# Other\n\n#topic\n' });
    for (const name of ['stale', 'tags', 'search', 'graph', 'types']) expect(existsSync(join(out, name, 'index.html')), name).toBe(true);
    expect(existsSync(join(out, '_almanac'))).toBe(false);
  });

  it('a folder of that name keeps its page too; notes under the build’s own folders get a -2 prefix', async () => {
    const out = await site({
      'Stale/Old.md': '# Old\n',
      'Tags/Topic.md': '# Topic note\n\n#topic\n',
      'assets.md': '# Assets note\n',
      '_almanac.md': '# Sneaky\n',
      'Other.md': '# Other\n\n[[Old]] [[Topic]] [[assets]] [[_almanac]]\n',
    });
    expect(read(out, 'stale/index.html')).toContain('Stale/');
    expect(read(out, 'stale/old/index.html')).toContain('Old');
    expect(read(out, '_almanac/stale/index.html')).toContain('Stale notes');
    expect(read(out, 'tags-2/topic/index.html')).toContain('Topic note');
    expect(read(out, 'tags/topic/index.html')).toContain('#topic');
    expect(read(out, 'assets-2/index.html')).toContain('Assets note');
    expect(existsSync(join(out, 'assets', 'almanac.css'))).toBe(true);
    expect(read(out, '_almanac-2/index.html')).toContain('Sneaky');
    expect(brokenReferences(out)).toEqual([]);
  });
});
