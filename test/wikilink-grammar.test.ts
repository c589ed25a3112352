// One wikilink grammar for both parsers (issue 14): src/parse/syntax/wikilink.ts is what the
// remark path's micromark construct and the fast path's markdown-it rule both read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/processor.js';
import { scanWikiLink } from '../src/parse/syntax/wikilink.js';
import { splitWikiLink } from '../src/parse/link-target.js';

interface Found {
  value: string;
  alias: string | null;
  embed: boolean;
}

/** Every obsidianLink in the paragraph a parser made of `text`. */
function links(text: string, parser: 'remark' | 'fast'): Found[] {
  const found: Found[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: unknown; value?: unknown; alias?: unknown; embed?: unknown; children?: unknown };
    if (record.type === 'obsidianLink') found.push({ value: String(record.value), alias: typeof record.alias === 'string' ? record.alias : null, embed: record.embed === true });
    if (Array.isArray(record.children)) for (const child of record.children) walk(child);
  };
  walk(parseMarkdown(text, parser));
  return found;
}

/** What the grammar alone says of a `[[`-led piece of text. */
function scanned(text: string): Found[] {
  const embed = text.startsWith('!');
  const from = embed ? 3 : 2;
  const end = scanWikiLink(text, from, text.length);
  return end === -1 ? [] : [{ ...splitWikiLink(text.slice(from, end)), embed }];
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
  it.each(CASES)('%s reads the same in the grammar, the remark path and the fast path', (text) => {
    const expected = scanned(text);
    expect(links(text, 'remark')).toEqual(expected);
    expect(links(text, 'fast')).toEqual(expected);
  });

  it('a link does not cross a line ending, in either parser', () => {
    for (const text of ['[[a\nb]]', '[[a|b\nc]]', '[[a\r\nb]]']) {
      expect(scanWikiLink(text, 2, text.length)).toBe(-1);
      expect(links(text, 'remark')).toEqual([]);
      expect(links(text, 'fast')).toEqual([]);
    }
  });

  it('the target and alias are split as written', () => {
    expect(splitWikiLink(' Note#H | shown ')).toEqual({ value: 'Note#H', alias: 'shown' });
    expect(splitWikiLink('Note\\|shown')).toEqual({ value: 'Note', alias: 'shown' });
    expect(splitWikiLink('Note')).toEqual({ value: 'Note', alias: null });
  });

  it('is one module: both parsers import it and no parser reaches into remark-wiki-link', () => {
    const fast = readFileSync('src/parse/fast/markdown-it.ts', 'utf8');
    const remark = readFileSync('src/parse/remark-obsidian.ts', 'utf8');
    expect(fast).toContain("from '../syntax/wikilink.js'");
    expect(remark).toContain("from './syntax/wikilink.js'");
    expect(`${fast}\n${remark}`).not.toContain('remark-wiki-link');
  });
});
