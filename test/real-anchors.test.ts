// Links to HTML anchors and links inside HTML comments, as real vaults write them (issue 13
// §4, §9). Fixtures: test/fixtures/real/html-anchor-*.md, html-comment-links.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { resolveLinks } from '../src/resolve/index.js';
import { defaultConfig } from '../src/config/schema.js';
import { comparePaths, loadVault } from '../src/vault/load.js';
import { planSite } from '../src/publish/index.js';
import { checkFiles, lines, writeVault } from './support/vault.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/real/${name}`, import.meta.url), 'utf8');
const ANCHOR_FILES = (): Record<string, string> => ({
  'html-anchor-pdf.md': fixture('html-anchor-pdf.md'),
  'html-anchor-elsewhere.md': fixture('html-anchor-elsewhere.md'),
});

describe('links to HTML anchors', () => {
  it('reads `id` on any element and `name` on <a>, not inside comments, at their line and column', () => {
    for (const parser of ['remark', 'auto'] as const) {
      const note = parseNote('html-anchor-pdf.md', fixture('html-anchor-pdf.md'), parser);
      expect(note.anchors).toEqual([
        { id: 'page-5-6', attribute: 'id', line: 3, column: 7 },
        { id: 'top', attribute: 'name', line: 7, column: 4 },
      ]);
    }
    expect(parseNote('a.md', '<span name="x" data-id="y">t</span>\n').anchors).toEqual([]);
  });

  it('resolve `[8](#page-5-6)` and `[x](Note.md#page-5-6)` against them; a wikilink, a commented anchor and a missing one stay unresolved', async () => {
    const result = await checkFiles(ANCHOR_FILES());
    expect(lines(result).filter((line) => line.includes('unresolved-heading'))).toEqual([
      expect.stringMatching(/^html-anchor-elsewhere\.md:1:\d+ .*page-5-6.*\[unresolved-heading\]$/),
      expect.stringMatching(/^html-anchor-pdf\.md:11:3 .*commented.*\[unresolved-heading\]$/),
      expect.stringMatching(/^html-anchor-pdf\.md:11:\d+ .*nowhere.*\[unresolved-heading\]$/),
    ]);
    const graph = resolveLinks(await loadVault(writeVault(ANCHOR_FILES())));
    const anchors = graph.links.filter((link) => link.anchor !== undefined).map((link) => `${link.source} ${link.link.target} → ${link.note}#${link.anchor}`);
    expect(anchors).toEqual([
      'html-anchor-elsewhere.md html-anchor-pdf.md#page-5-6 → html-anchor-pdf.md#page-5-6',
      'html-anchor-elsewhere.md html-anchor-pdf.md#page-5-6 → html-anchor-pdf.md#page-5-6',
      'html-anchor-pdf.md #page-5-6 → html-anchor-pdf.md#page-5-6',
      'html-anchor-pdf.md #top → html-anchor-pdf.md#top',
    ]);
  });

  it('land on the prefixed id in the published pages, from the same page and from another', () => {
    const notes = Object.entries(ANCHOR_FILES())
      .sort(([a], [b]) => comparePaths(a, b))
      .map(([path, source]) => parseNote(path, source));
    const site = planSite({
      notes,
      graph: resolveLinks({ root: '/vault', notes, attachments: [] }),
      vaultRoot: '/vault',
      base: '/',
      options: defaultConfig().site,
      now: new Date('2026-02-01T00:00:00Z'),
    });
    const pdf = site.notePages.get('html-anchor-pdf.md')?.html ?? '';
    const elsewhere = site.notePages.get('html-anchor-elsewhere.md')?.html ?? '';
    expect(pdf).toContain('id="user-content-page-5-6"');
    expect(pdf).toContain('name="user-content-top"');
    expect(pdf).toContain('<a href="#user-content-page-5-6">8</a>');
    expect(pdf).toContain('<a href="#user-content-top">top</a>');
    const slug = site.notePages.get('html-anchor-pdf.md')?.url ?? '';
    expect(elsewhere.match(new RegExp(`href="${slug}#user-content-page-5-6"`, 'g'))).toHaveLength(2);
  });
});

describe('links inside HTML comments', () => {
  it('are not links (Obsidian’s link index leaves them out): not checked, not backlinks, not in the graph', async () => {
    const files = { 'html-comment-links.md': fixture('html-comment-links.md'), 'Shown.md': 'Linked.\n' };
    const note = parseNote('html-comment-links.md', files['html-comment-links.md']);
    expect(note.links.map((link) => `${link.line} ${link.target}`)).toEqual(['1 Shown', '12 Shown']);
    const result = await checkFiles(files);
    expect(lines(result).filter((line) => /unresolved/.test(line))).toEqual([]);
    const graph = resolveLinks(await loadVault(writeVault(files)));
    expect([...graph.backlinks.keys()]).toEqual(['Shown.md']);
    expect(graph.links.map((link) => link.link.target)).toEqual(['Shown', 'Shown']);
  });

  it('an unclosed inline `<!--` is text, so the link after it counts (as CommonMark and Obsidian read it)', () => {
    expect(parseNote('a.md', 'text <!-- [[Counted]]\n').links.map((link) => link.target)).toEqual(['Counted']);
  });
});
