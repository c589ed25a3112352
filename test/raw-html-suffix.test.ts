// parseRawHtml (src/publish/render/raw-html.ts) sends only the blocks from the first one
// holding raw HTML through parse5: the HTML must be what parsing the whole tree gives.
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseRawHtml } from '../src/publish/render/raw-html.js';

function hastOf(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });
  return processor.runSync(processor.parse(markdown));
}

const PREFIX = [
  '# Title',
  'A *paragraph* with **strong** text, `code` and [a link](https://example.com).',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '- [ ] task\n- [x] done\n\n1. one\n2. two',
  '```js\nconst a = 1 < 2;\n```',
  '> a quote\n> over two lines',
].join('\n\n');

const CASES: Record<string, string> = {
  'an unclosed <div> swallows what follows': `${PREFIX}\n\n<div class="box">\n\nInside **it**.\n\nStill inside.`,
  'an unclosed <b> reopens in the next paragraph': `${PREFIX}\n\nBold <b>starts here\n\nand goes on.`,
  'a <br> in a table cell': `${PREFIX}\n\n| x | y |\n| - | - |\n| one<br>two | <span>s</span> |`,
  'a comment and a stray end tag': `${PREFIX}\n\n<!-- note -->\n\n</section>\n\nAfter.`,
  'raw HTML in the first block': '<p>Raw first\n\nThen *markdown*.',
  'a table opened in raw HTML': `${PREFIX}\n\n<table><tr><td>\n\ncell text\n\n</td></tr></table>\n\nAfter the table.`,
};

describe('parseRawHtml', () => {
  for (const [name, markdown] of Object.entries(CASES)) {
    it(`gives the HTML parsing the whole tree gives: ${name}`, () => {
      const whole = toHtml(raw(hastOf(markdown)));
      const split = toHtml(parseRawHtml(hastOf(markdown)));
      expect(whole).toContain('<');
      expect(split).toBe(whole);
    });
  }

  it('parses raw HTML after the Markdown blocks into elements', () => {
    const html = toHtml(parseRawHtml(hastOf(`${PREFIX}\n\n<div class="box">\n\nInside.`)));
    expect(html).toMatch(/<div class="box">\s*<p>Inside.<\/p>\s*<\/div>$/);
  });

  it('leaves a tree without raw HTML as it is', () => {
    const tree = hastOf(PREFIX);
    expect(parseRawHtml(tree)).toBe(tree);
  });
});
