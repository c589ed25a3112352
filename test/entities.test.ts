// Entity pages (issue 18, part 1): a table row linking to a note is a fact about it. The facts
// come from the parsed notes and resolved links (entityFacts), and a note's page lists them
// under "Mentioned in tables" with links that land on the rows of the source pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { openProject, type Project } from '../src/project/index.js';
import { entityFacts, entitySummary } from '../src/index.js';
import { ROOT, tempDir, writeVault } from './support/vault.js';

const NOW = new Date('2026-01-20T12:00:00Z');

function page(out: string, slug: string): string {
  return readFileSync(join(out, slug, 'index.html'), 'utf8');
}

function mentioned(html: string): string {
  const start = html.indexOf('<section class="mentioned"');
  return start === -1 ? '' : html.slice(start, html.indexOf('</section>', start));
}

describe('entity facts of the sample vault', () => {
  let project: Project;
  let out: string;
  beforeAll(async () => {
    project = await openProject({ cwd: ROOT, cache: false, trees: false });
    out = join(tempDir(), 'site');
    await build({ cwd: ROOT, out, now: NOW, search: false });
  }, 120_000);

  it('NVIDIA has its rows of Sector Rotation’s price-target and annual-returns tables', () => {
    const facts = entityFacts(project, 'Companies/NVIDIA.md').filter((fact) => fact.source === 'Rotations/Sector Rotation.md');
    const byHeading = new Map(facts.map((fact) => [fact.table.heading, fact]));
    const targets = byHeading.get('Analyst 12-month price targets (Jan 2026)');
    expect(targets?.table.header).toEqual(['Stock', 'Target', 'Notes']);
    expect(targets?.row.cells).toEqual(['NVIDIA', '+39%', 'Highest upside, AI demand']);
    expect(targets?.feed).toEqual({ name: 'price-targets', updated: '2026-01-14' });
    expect(targets?.date).toBe('2026-01-14');
    const returns = byHeading.get('Historical Mag 7 annual returns (2021-2025)');
    expect(returns?.row.cells).toEqual(['NVIDIA', '+125%', '-50%', '+240%', '+170%', '+35%']);
    // By name as well as by path; a note no table row links to has none.
    expect(entityFacts(project, 'NVIDIA')).toEqual(entityFacts(project, 'Companies/NVIDIA.md'));
    expect(entityFacts(project, 'Doug Peta')).toEqual([]);
  });

  it('lists the rows newest first and sums up the type’s facts columns', () => {
    const facts = entityFacts(project, 'Companies/NVIDIA.md');
    const dates = facts.map((fact) => fact.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const summary = entitySummary(project, 'Companies/NVIDIA.md').map(({ column, value, fact }) => [column, value, fact.source]);
    expect(summary).toEqual([
      ['Target', '+39%', 'Rotations/Sector Rotation.md'],
      ['2025', '+35%', 'Rotations/Sector Rotation.md'],
    ]);
  });

  it('Goldman Sachs has the rows that link to it in at least three notes', () => {
    const facts = entityFacts(project, 'Firms/Goldman Sachs.md');
    const sources = new Set(facts.map((fact) => fact.source));
    expect(sources.size).toBeGreaterThanOrEqual(3);
    expect([...sources]).toEqual(expect.arrayContaining(['Firms/Morgan Stanley.md', 'Companies/Eli Lilly.md', 'Rotations/Great Rotation 2026.md']));
    expect(facts.find((fact) => fact.source === 'Firms/Morgan Stanley.md')?.row.cells).toEqual(['Goldman Sachs', 'Same; cyclicals as dark horse']);
    const section = mentioned(page(out, 'firms/goldman-sachs'));
    for (const source of ['Morgan Stanley', 'Eli Lilly', 'Great Rotation 2026']) expect(section).toContain(`>${source}</a>`);
  });

  it('NVIDIA’s page links to the exact rows, which carry those ids on the source page', () => {
    const section = mentioned(page(out, 'companies/nvidia'));
    expect(section).toContain('<h2 id="mentioned-in-tables">Mentioned in tables</h2>');
    expect(section).toContain('Feed <code>price-targets</code>, as of <time datetime="2026-01-14">2026-01-14</time>');
    const hrefs = [...section.matchAll(/href="\/rotations\/sector-rotation\/#(row-[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(hrefs).toEqual(
      expect.arrayContaining(['row-analyst-12-month-price-targets-jan-2026-nvidia', 'row-historical-mag-7-annual-returns-2021-2025-nvidia']),
    );
    const source = page(out, 'rotations/sector-rotation');
    for (const id of hrefs) expect(source).toContain(`<tr id="${id}">`);
    for (const id of ['row-analyst-12-month-price-targets-jan-2026-nvidia', 'row-historical-mag-7-annual-returns-2021-2025-nvidia'])
      expect(source).toMatch(new RegExp(`<tr id="${id}">\\s*<td><a class="internal" href="/companies/nvidia/"`));
    // The summary of the company type's columns sits at the top.
    expect(section).toMatch(/<table class="facts-summary">[\s\S]*<th scope="row">Target<\/th><td>\+39%<\/td>/);
  });

  it('is a function of the project: asking twice gives equal facts and changes no note', () => {
    const before = JSON.stringify(project.vault.notes);
    expect(entityFacts(project, 'Companies/Tesla.md')).toEqual(entityFacts(project, 'Companies/Tesla.md'));
    expect(JSON.stringify(project.vault.notes)).toBe(before);
  });
});

describe('entity facts on a site', () => {
  it('leave out rows of unpublished notes and the links of private cells; rows keep stable ids', async () => {
    const dir = writeVault({
      'Acme.md': '# Acme\n',
      'Public.md': '---\nupdated: 2026-01-10\n---\n## Targets\n\n| Stock | Target |\n|---|---|\n| [[Acme]] | +10% |\n| Beta | +2% |\n',
      'Newer.md': '---\nupdated: 2026-02-01\n---\n## Views\n\n| Who | On |\n|---|---|\n| [[Secret]] | [[Acme]] up |\n',
      'Private.md': '---\npublish: false\n---\n| Who | View |\n|---|---|\n| [[Acme]] | secret view |\n',
      'Secret.md': '---\npublish: false\n---\nHidden.\n',
    });
    const out = join(tempDir(), 'site');
    await build({ vault: dir, out, now: NOW, search: false });
    const section = mentioned(page(out, 'acme'));
    expect(section).not.toContain('secret view');
    expect(section).not.toContain('/secret/');
    // Newest source first.
    expect(section.indexOf('>Newer</a>')).toBeLessThan(section.indexOf('>Public</a>'));
    expect(section).toContain('href="/public/#row-targets-acme"');
    expect(page(out, 'public')).toContain('<tr id="row-targets-acme">');
    expect(page(out, 'public')).toContain('<tr id="row-targets-beta">');
    expect(mentioned(page(out, 'public'))).toBe('');
  });
});

describe('a note linked from many rows', () => {
  it('lists the newest rows only, and says how many there are', async () => {
    const rows = Array.from({ length: 130 }, (_, index) => `| [[Hub]] | ${index} |`).join('\n');
    const dir = writeVault({ 'Hub.md': '# Hub\n', 'Many.md': `---\nupdated: 2026-01-10\n---\n## Rows\n\n| Who | N |\n|---|---|\n${rows}\n` });
    const out = join(tempDir(), 'site');
    await build({ vault: dir, out, now: NOW, search: false });
    const section = mentioned(page(out, 'hub'));
    expect(section.match(/class="row-link"/g)).toHaveLength(100);
    expect(section).toContain('<p class="mentioned-more">The 100 newest of 130 rows.</p>');
  });
});
