// Obsidian Bases: `.base` pages and `![[x.base]]` / `![[x.base#View]]` embeds as tables of the
// notes a view's filters select (and/or/not, comparisons, file fields and methods, `this`),
// sorted and limited; other view types and unsupported filters as a box with a warning at
// file:line; a malformed base as a warning at its line. Fixture: test/fixtures/bases/.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/schema.js';
import { planSite, type SitePlan } from '../src/publish/pages/plan.js';
import { resolveLinks } from '../src/resolve/index.js';
import { loadVault } from '../src/vault/load.js';
import { ROOT, tempDir } from './support/vault.js';
import { openProject } from '../src/project/index.js';
import { check } from '../src/check/index.js';

async function plan(): Promise<SitePlan> {
  const dir = tempDir();
  cpSync(join(ROOT, 'test/fixtures/bases'), dir, { recursive: true });
  const vault = await loadVault(dir);
  return planSite({ notes: vault.notes, graph: resolveLinks(vault), vaultRoot: dir, base: '/', options: defaultConfig().site, texts: vault.texts });
}

const html = (site: SitePlan, path: string): string => site.notePages.get(path)?.html ?? '';
/** Each table of the HTML as rows of cell texts, header first. */
function tables(markup: string): string[][][] {
  return [...markup.matchAll(/<table class="base-table">([\s\S]*?)<\/table>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
        (cell[1] ?? '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    ),
  );
}

describe('Bases', () => {
  it('embeds the first view: filters (and, link(), !contains), sort, display names, formulas, formatted cells', async () => {
    const site = await plan();
    const page = html(site, 'Books.md');
    const [books, top] = tables(page);
    expect(books).toEqual([
      ['Title', 'Author', 'year', 'Decade', 'read'],
      ['Emma', 'Jane Austen', '1815', '1810', ''],
      ['Dune', 'Frank Herbert', '1965', '1960', 'Mar 5, 2024'],
      ['Neuromancer', 'William Gibson', '1984', '1980', ''],
    ]);
    // file.name links to the note; a property link to a note that exists is a link too.
    expect(page).toContain('<a class="internal" href="/books/dune/" data-slug="books/dune">Dune</a>');
    expect(page).toContain('<a class="internal" href="/frank-herbert/" data-slug="frank-herbert">Frank Herbert</a>');
    expect(page).toContain('<time datetime="2024-03-05">');
    // A private note is never a row, whatever it holds.
    expect(page).not.toContain('Secret');
    // `#View` picks the view: or-filter, sort DESC, limit 1.
    expect(top).toEqual([
      ['Title', 'rating'],
      ['Dune', '9'],
    ]);
  });

  it('`this` is the embedding note', async () => {
    const site = await plan();
    expect(tables(html(site, 'Frank Herbert.md'))).toEqual([
      [
        ['Title', 'year'],
        ['Dune', '1965'],
      ],
    ]);
    const genre = html(site, 'Science fiction.md');
    expect(tables(genre)[0]?.map((row) => row[0])).toEqual(['Title', 'Dune', 'Neuromancer']);
    // A formula outside the subset: its column is empty, with a notice, and the rows stay.
    expect(genre).toContain('Column Age: the function now() is not supported.');
  });

  it('shows a box, and warns at file:line, for other view types, unsupported filters and malformed bases', async () => {
    const site = await plan();
    const gallery = html(site, 'Gallery.md');
    expect(tables(gallery)).toEqual([]);
    expect(gallery).toContain('View type “cards” is not supported (only table views are).');
    expect(gallery).toContain('Filter or sort file.backlinks is not supported.');
    expect(gallery).toContain('This base could not be read (see the build warnings).');
    const warnings = site.site.warnings.filter((warning) => warning.rule === 'base').map((warning) => `${warning.file}:${warning.line} ${warning.message}`);
    expect(warnings).toContain(
      'Bases/Broken.base:4 The base is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(warnings).toContain('Gallery.md:3 Bases: Bases/Books.base#Gallery: view type “cards” is not supported (only table views are)');
    expect(warnings).toContain('Gallery.md:5 Bases: Bases/Books.base#Backlinked: filter or sort file.backlinks is not supported');
    expect(warnings).toContain('Bases/Books.base:57 Bases: view type “cards” is not supported (only table views are)');
  });

  it('gives each published base a page with every view', async () => {
    const site = await plan();
    const page = site.pages.listings.find((listing) => listing.url === '/bases/books-base/');
    expect(page?.title).toBe('Books');
    const markup = page?.html ?? '';
    expect([...markup.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1])).toEqual(['Books', 'Top rated', 'Author', 'Genre', 'Gallery', 'Backlinked']);
    // On its own page `this` is the base file: no note's author is the base.
    expect(tables(markup)[2]).toEqual([['Title', 'year']]);
    expect(tables(markup)[0]?.length).toBe(4);
  });

  it('check reports a malformed base as invalid-base at its line, and valid ones not at all', async () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'test/fixtures/bases'), dir, { recursive: true });
    const project = await openProject({ vault: dir, cache: false, trees: false });
    const found = check(project.vault, { config: project.config, graph: project.graph }).problems.filter((problem) => problem.rule === 'invalid-base');
    expect(found.map((problem) => `${problem.file}:${problem.line} ${problem.severity}`)).toEqual(['Bases/Broken.base:4 warning']);
  });
});
