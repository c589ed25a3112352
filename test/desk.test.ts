// The research desk (issue 18, part 3): home page without an index.md, /desk/ otherwise; what
// changed (with the table rows changed since the previous build in the output folder), what is
// stale, feed tables with their as-of dates, and the entities with the most facts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { readDeskMemory } from '../src/publish/facts/desk.js';
import { tempDir, writeVault } from './support/vault.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const read = (out: string, file: string): string => readFileSync(join(out, file), 'utf8');
const section = (html: string, name: string): string => {
  const start = html.indexOf(`<section class="desk-section desk-${name}">`);
  return start === -1 ? '' : html.slice(start, html.indexOf('</section>', start));
};

const FILES = {
  'Acme.md': '---\nupdated: 2026-02-20\n---\n# Acme\n',
  'Beta.md': '---\nupdated: 2025-01-01\n---\n# Beta\n',
  'Targets.md':
    '---\nupdated: 2026-02-25\n---\n## Price targets\n\n<!-- feed: targets updated=2026-02-24 -->\n| Stock | Target |\n|---|---|\n| [[Acme]] | +10% |\n| [[Beta]] | +2% |\n<!-- /feed -->\n',
  'Views.md': '---\nupdated: 2026-01-05\n---\n| Who | On |\n|---|---|\n| Desk | [[Acme]] up |\n',
};
const CONFIG = 'vault: .\nstale:\n  default: 180d\n';

describe('the research desk', () => {
  it('is the home page of a vault without index.md, and lists rows changed since the previous build', async () => {
    const dir = writeVault({ ...FILES, 'almanac.yaml': CONFIG });
    const out = join(tempDir(), 'site');
    await build({ cwd: dir, out, now: NOW, today: '2026-03-01', search: false });
    const first = read(out, 'index.html');
    expect(first).toContain('<h2>What changed</h2>');
    // Newest first.
    const changed = section(first, 'changed');
    expect(changed.indexOf('>Targets</a>')).toBeLessThan(changed.indexOf('>Acme</a>'));
    expect(changed.indexOf('>Acme</a>')).toBeLessThan(changed.indexOf('>Views</a>'));
    expect(first).toContain('this one had no previous output to compare with');
    // Beta is over 180 days old: stale, with its overdue days.
    expect(section(first, 'stale')).toMatch(/>Beta<\/a> <span class="desk-overdue">\d+ days overdue<\/span>/);
    expect(section(first, 'feeds')).toContain('<code>targets</code>');
    expect(section(first, 'feeds')).toContain('<time datetime="2026-02-24">2026-02-24</time>');
    expect(section(first, 'entities')).toMatch(/>Acme<\/a> <a class="count" href="\/acme\/#mentioned-in-tables">2 rows<\/a>/);
    expect(readDeskMemory(first)?.rows['Targets.md']).toEqual({ 'row-price-targets-acme': expect.any(String), 'row-price-targets-beta': expect.any(String) });

    writeFileSync(join(dir, 'Targets.md'), FILES['Targets.md'].replace('+10%', '+12%').replace('| [[Beta]] | +2% |', '| [[Beta]] | +2% |\n| Gamma | +5% |'));
    await build({ cwd: dir, out, now: NOW, today: '2026-03-01', search: false });
    const second = section(read(out, 'index.html'), 'changed');
    expect(second).toContain('<a href="/targets/#row-price-targets-acme">Acme · +12%</a> <span class="desk-tag">changed</span>');
    expect(second).toContain('<a href="/targets/#row-price-targets-gamma">Gamma · +5%</a> <span class="desk-tag">new</span>');
    expect(second).not.toContain('row-price-targets-beta');
    expect(read(out, 'targets/index.html')).toContain('<tr id="row-price-targets-gamma">');
  });

  it('is at /desk/ when the vault has an index.md, linked from the nav', async () => {
    const dir = writeVault({ ...FILES, 'index.md': '# Home\n\nWelcome.\n' });
    const out = join(tempDir(), 'site');
    await build({ vault: dir, out, now: NOW, search: false });
    expect(read(out, 'index.html')).not.toContain('<h2>What changed</h2>');
    expect(read(out, 'index.html')).toContain('href="/desk/">Desk</a>');
    expect(read(out, 'desk/index.html')).toContain('<h1>Research desk</h1>');
  });

  it('ignores a previous desk page whose memory is not of the shape it writes', () => {
    expect(readDeskMemory('<script type="application/json" class="desk-memory">{"rows": [1]}</script>')).toBeNull();
    expect(readDeskMemory('<script type="application/json" class="desk-memory">not json</script>')).toBeNull();
    expect(readDeskMemory('<p>no memory</p>')).toBeNull();
    expect(readDeskMemory('<script type="application/json" class="desk-memory">{"rows":{"A.md":{"row-x":"abc","row-y":3}}}</script>')).toEqual({
      rows: { 'A.md': { 'row-x': 'abc' } },
    });
  });
});
