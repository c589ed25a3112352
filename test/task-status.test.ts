// Obsidian's alternative checkboxes (parse/transforms/task-status.ts): `- [>]` and friends
// become checked task items with data-task; `[ ]`/`[x]` stay GFM's; both parse paths agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';
import fc from 'fast-check';
import { parseNote } from '../src/parse/index.js';
import { fastPathRefusal } from '../src/parse/fast/eligible.js';
import { FastPathUnsupported } from '../src/parse/fast/to-mdast.js';

const source = renderFixture('task-status.md');

function html(parser: 'remark' | 'fast'): string {
  return pageHtml(planNotes({ 'Tasks.md': source, 'Other.md': '# Other' }, { parser }), 'Tasks.md');
}

function item(page: string, text: string): string {
  const found = page.split('\n').find((line) => line.startsWith('<li') && line.includes(text));
  if (!found) throw new Error(`no list item with ${text}`);
  return found;
}

describe('task statuses', () => {
  const page = html('remark');

  it.each([
    ['>', 'rescheduled'],
    ['-', 'cancelled'],
    ['?', 'question'],
    ['/', 'in progress'],
    ['!', 'important'],
    ['<', '> scheduled<'],
    ['*', 'star'],
    ['i', 'info'],
    ['b', 'bookmark'],
  ])('[%s] is a checked task with data-task', (status, text) => {
    const li = item(page, text);
    expect(li).toContain(`data-task="${status}"`);
    expect(li).toMatch(/<input type="checkbox" checked disabled>/);
    expect(li).not.toContain(`[${status}]`);
  });

  it('the quote status is an attribute value, escaped', () => {
    expect(item(page, 'quote')).toContain('data-task="&#x22;"');
  });

  it('[ ] and [x] keep the plain checkbox, without data-task', () => {
    expect(item(page, 'open')).toBe('<li class="task-list-item"><input type="checkbox" disabled> open</li>');
    expect(item(page, 'done')).toBe('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
  });

  it('links and tags after the status are links and tags', () => {
    expect(item(page, 'rescheduled')).toContain('<a class="internal" href="/other/"');
    expect(item(page, 'question')).toContain('<a class="tag" href="/tags/tag/">#tag</a>');
  });

  it('an escaped bracket, a bare status and two characters stay text', () => {
    expect(item(page, 'escaped')).toBe('<li>[>] escaped, plain text</li>');
    expect(page).toContain('<li>[>]</li>');
    expect(item(page, 'two characters')).toBe('<li>[ab] two characters, plain text</li>');
  });

  it('ordered lists take statuses too', () => {
    expect(item(page, 'ordered')).toContain('data-task="/"');
  });

  it('the fast path gives the same page', () => {
    expect(html('fast')).toBe(page);
  });

  it('the theme styles the common statuses', () => {
    const css = readFileSync(new URL('../templates/assets/almanac.css', import.meta.url), 'utf8');
    for (const status of ['>', '<', '-', '?', '/', '!', '*', 'i', 'b']) expect(css).toContain(`li[data-task="${status}"]`);
    expect(css).toContain(`li[data-task='"']`);
  });
});

describe('task statuses and image sizes on both parse paths', () => {
  const PIECES = [
    '- [>] moved\n',
    '- [-] dropped #tag\n',
    '  - [?] nested\n',
    '> - [/] quoted\n',
    '1. [!] ordered\n',
    '- \\[>] escaped\n',
    '- [ab] two\n',
    '- [>]\n',
    '- [x] done\n',
    '- [ ] open\n',
    '- plain\n',
    '\n',
    'Text ![a|12](x.png) and ![|3x4](https://e.com/i.png).\n',
    '![b|wide](x.png)\n',
    // The blank line ends the table: a following line would be a row of more cells than the header, whose extra cells remark keeps and the fast path drops (a difference of its own, not tested here).
    '| c |\n| --- |\n| ![d\\|5](x.png) |\n\n',
  ];

  /** The tree without positions (the fast path gives text nodes none). */
  function shape(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(shape);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== 'position' && key !== 'spread')
        .map(([key, value]) => [key, shape(value)]),
    );
  }

  it('give the same tree and facts wherever the fast path reads the note', () => {
    let fastRead = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (pieces) => {
        const source = pieces.join('');
        if (fastPathRefusal(source) !== null) return;
        const { tree: remarkTree, ...remark } = parseNote('N.md', source, 'remark');
        let fast: ReturnType<typeof parseNote>;
        try {
          fast = parseNote('N.md', source, 'fast');
        } catch (error) {
          if (error instanceof FastPathUnsupported) return;
          throw error;
        }
        fastRead++;
        const { tree: fastTree, ...facts } = fast;
        expect(facts).toEqual(remark);
        expect(shape(fastTree)).toEqual(shape(remarkTree));
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(fastRead).toBeGreaterThan(100);
  });
});
