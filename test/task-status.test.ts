// Obsidian's alternative checkboxes (parse/transforms/task-status.ts): `- [>]` and friends
// become checked task items with data-task; `[ ]`/`[x]` stay GFM's; both parse paths agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';

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
