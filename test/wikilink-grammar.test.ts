// The wikilink grammar is remark-wiki-link's (the design card's package, with `|` as the alias
// divider): the remark path tokenizes with it, `![[` reuses its construct (syntax/embed.ts),
// and the fast path's markdown-it rule mirrors it. Here both parsers read the tricky cases alike.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/processor.js';

interface Found {
  value: string;
  alias: string | null;
  embed: boolean;
}

/** Every obsidianLink in the tree a parser made of `text`. */
function links(text: string, parser: 'remark' | 'fast'): Found[] {
  const found: Found[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: unknown; value?: unknown; alias?: unknown; embed?: unknown; children?: unknown };
    if (record.type === 'obsidianLink')
      found.push({ value: String(record.value), alias: typeof record.alias === 'string' ? record.alias : null, embed: record.embed === true });
    if (Array.isArray(record.children)) for (const child of record.children) walk(child);
  };
  walk(parseMarkdown(text, parser));
  return found;
}

const CASES = [
  '[[Note]]',
  '[[Note|shown]]',
  '[[Note|Note]]',
  '![[image.png|200]]',
  '[[ Note ]]',
  '[[Folder/Note#Heading#Sub]]',
  '[[Note|a|b]]',
  '[[Note|]]',
  '[[|shown]]',
  '[[ ]]',
  '[[]]',
  '[[a]b]]',
  '[[a]]]',
  '[[\tNote\t|\tshown]]',
  '[[a [b] c]]',
  '![[ ]]',
  '[[Note\\|shown]]',
];

describe('the wikilink grammar', () => {
  it.each(CASES)('%s reads the same on the remark path (remark-wiki-link) and the fast path', (text) => {
    const remark = links(text, 'remark');
    expect(links(text, 'fast')).toEqual(remark);
  });

  it('finds the links the cases are meant to hold', () => {
    expect(links('[[Note|shown]]', 'remark')).toEqual([{ value: 'Note', alias: 'shown', embed: false }]);
    expect(links('![[image.png|200]]', 'remark')).toEqual([{ value: 'image.png', alias: '200', embed: true }]);
  });

  it('a link does not cross a line ending, in either parser', () => {
    for (const text of ['[[a\nb]]', '[[a|b\nc]]', '[[a\r\nb]]']) {
      expect(links(text, 'remark')).toEqual([]);
      expect(links(text, 'fast')).toEqual([]);
    }
  });
});
