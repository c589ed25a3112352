// Block ids where real vaults put them (issue 13 §3): on the line under a paragraph, an image
// embed, a callout, a table; in list items; and not without white space before the caret.
// The notes are hand-written fixtures (test/fixtures/real/block-id-*.md), one per shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { parseNote, type ParsedNote } from '../src/parse/index.js';
import { resolveLinks } from '../src/resolve/index.js';
import { defaultConfig } from '../src/config/schema.js';
import { comparePaths } from '../src/vault/load.js';
import { planSite } from '../src/publish/index.js';
import { checkFiles, lines } from './support/vault.js';

const FIXTURES = new URL('./fixtures/real/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Each parser's reading of the note (parse-fast.test.ts holds them equal in general). */
function parsed(name: string): ParsedNote[] {
  return [parseNote(name, fixture(name), 'remark'), parseNote(name, fixture(name))];
}

/** Block id → the type of the node carrying it. */
function carriers(note: ParsedNote): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (node: Nodes): void => {
    if (node.data?.blockId) out[node.data.blockId] = node.type;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(note.tree);
  return out;
}

describe('block id placement', () => {
  it('reads `^id` on the line under a paragraph (soft line break) and at its end', () => {
    for (const note of parsed('block-id-paragraph.md')) {
      expect(note.blocks).toEqual([
        { id: 'own-line', line: 3, column: 1 },
        { id: 'same-line', line: 5, column: 1 },
      ]);
      expect(carriers(note)).toEqual({ 'own-line': 'paragraph', 'same-line': 'paragraph' });
      expect(JSON.stringify(note.tree)).not.toContain('^own-line');
    }
  });

  it('reads `^id` under an image embed, but not `![[x.png]]^id` or `text^id` (no white space: text, as in Obsidian)', () => {
    for (const note of parsed('block-id-image.md')) {
      expect(note.blocks.map((block) => [block.id, block.line])).toEqual([['under-image', 2]]);
      expect(JSON.stringify(note.tree)).toContain('^no-space');
      expect(JSON.stringify(note.tree)).toContain('Text^no-space-text');
    }
  });

  it('gives a callout the id that ends its last line: title only, lazy line, inside, own quoted line', () => {
    for (const note of parsed('block-id-callout.md')) {
      expect(note.blocks.map((block) => [block.id, block.line])).toEqual([
        ['title-id', 1],
        ['lazy-id', 5],
        ['inside-id', 9],
        ['quote-own-line', 14],
      ]);
      expect(carriers(note)).toEqual({ 'title-id': 'callout', 'lazy-id': 'callout', 'inside-id': 'callout', 'quote-own-line': 'callout' });
      expect(JSON.stringify(note.tree)).not.toMatch(/\^(title-id|lazy-id|inside-id|quote-own-line)/);
    }
  });

  it('gives a list item the id that ends its text (last line, a lazy line too), not one ending an earlier line', () => {
    for (const note of parsed('block-id-list.md')) {
      expect(note.blocks.map((block) => [block.id, block.line])).toEqual([
        ['first', 1],
        ['second', 5],
        ['lazy-item', 7],
      ]);
      expect(carriers(note)).toEqual({ first: 'listItem', second: 'listItem', 'lazy-item': 'listItem' });
    }
  });

  it('gives a table the `^id` line straight under it (GFM reads it as a row) or after a blank line, and a code block the line under its fence', () => {
    for (const note of parsed('block-id-table.md')) {
      expect(note.blocks.map((block) => [block.id, block.line])).toEqual([
        ['table-under', 4],
        ['table-apart', 10],
        ['code-under', 15],
      ]);
      expect(carriers(note)).toEqual({ 'table-under': 'table', 'table-apart': 'table', 'code-under': 'code' });
      expect(JSON.stringify(note.tree)).not.toContain('^table-under');
    }
  });
});

describe('links to those blocks', () => {
  const files = (): Record<string, string> => ({
    'block-id-paragraph.md': fixture('block-id-paragraph.md'),
    'block-id-image.md': fixture('block-id-image.md'),
    'block-id-callout.md': fixture('block-id-callout.md'),
    'block-id-list.md': fixture('block-id-list.md'),
    'block-id-table.md': fixture('block-id-table.md'),
    'Links.md': [
      '![[block-id-paragraph#^own-line]] [[block-id-paragraph#^same-line]]',
      '![[block-id-image#^under-image]] [[block-id-image#^no-space]]',
      '![[block-id-callout#^title-id]] ![[block-id-callout#^lazy-id]] ![[block-id-callout#^inside-id]] ![[block-id-callout#^quote-own-line]]',
      '![[block-id-list#^first]] ![[block-id-list#^second]] ![[block-id-list#^lazy-item]] [[block-id-list#^not-at-end]]',
      '![[block-id-table#^table-under]] ![[block-id-table#^table-apart]] ![[block-id-table#^code-under]]',
      '',
    ].join('\n'),
  });

  it('resolve, except the ids Obsidian does not read', async () => {
    const result = await checkFiles({ ...files(), 'diagram.png': '' });
    expect(lines(result).filter((line) => line.includes('unresolved-block'))).toEqual([
      expect.stringMatching(/^Links\.md:2:\d+ .*\^no-space.*\[unresolved-block\]$/),
      expect.stringMatching(/^Links\.md:4:\d+ .*\^not-at-end.*\[unresolved-block\]$/),
    ]);
  });

  it('land on the block in the published page: the callout, the list item, the table, the paragraph', () => {
    const notes = Object.entries(files())
      .sort(([a], [b]) => comparePaths(a, b))
      .map(([path, source]) => parseNote(path, source));
    const vault = { root: '/vault', notes, attachments: ['diagram.png'] };
    const site = planSite({
      notes,
      graph: resolveLinks(vault),
      vaultRoot: '/vault',
      base: '/',
      options: defaultConfig().site,
      now: new Date('2026-02-01T00:00:00Z'),
    });
    const html = (path: string): string => site.notePages.get(path)?.html ?? '';
    expect(html('block-id-callout.md')).toMatch(/<div class="callout" data-callout="info" id="\^title-id">/);
    expect(html('block-id-callout.md')).toMatch(/<div class="callout" data-callout="note" id="\^lazy-id">/);
    expect(html('block-id-callout.md')).toMatch(/<div class="callout" data-callout="warning" id="\^quote-own-line">/);
    expect(html('block-id-list.md')).toContain('<li id="^first">');
    expect(html('block-id-list.md')).toContain('<li id="^lazy-item">');
    expect(html('block-id-table.md')).toContain('<div class="table-wrap" id="^table-under">');
    expect(html('block-id-table.md')).not.toContain('^table-under</td>');
    expect(html('block-id-paragraph.md')).toMatch(/<p id="\^own-line">A paragraph whose id sits on the line under it,\s+after a soft line break\.<\/p>/);
    // An embed of a list item brings the item (with its nested list), as Obsidian shows it.
    expect(html('Links.md')).toContain('nested child');
    expect(html('Links.md')).toContain('Body text.');
  });
});
