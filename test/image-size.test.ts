// Markdown image sizes `![alt|120](x.png)` / `![|120x80](x.png)` (parse/transforms/image-size.ts):
// the alt text loses the size, the image gets width/height, on both parse paths.
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';

const source = renderFixture('image-size.md');

function html(parser: 'remark' | 'fast'): string {
  return pageHtml(planNotes({ 'Images.md': source }, { parser, attachments: ['chart.png'] }), 'Images.md');
}

describe('Markdown image sizes', () => {
  const page = html('remark');

  it('a width after the alt text', () => {
    expect(page).toContain('<img src="/files/chart.png" alt="Chart" loading="lazy" width="120">');
  });

  it('width and height, no alt text', () => {
    expect(page).toContain('<img src="/files/chart.png" alt="" loading="lazy" width="120" height="80">');
  });

  it('remote images too', () => {
    expect(page).toContain('<img src="https://example.com/remote.png" alt="Remote" width="300">');
  });

  it('alt text that is not a size stays, and no size is made up', () => {
    expect(page).toContain('<img src="/files/chart.png" alt="Plain" loading="lazy">');
    expect(page).toContain('alt="Not a size|wide"');
  });

  it('in a table cell, with the pipe escaped', () => {
    expect(page).toContain('<td><img src="/files/chart.png" alt="In a cell" loading="lazy" width="64"></td>');
  });

  it('the link facts carry the size and the display without it', () => {
    const note = parseNote('Images.md', source);
    const first = note.links.find((link) => link.display === 'Chart');
    expect(first?.size).toEqual({ width: 120 });
    expect(note.links.find((link) => link.size?.height === 80)?.display).toBe('');
  });

  it('the fast path gives the same page and facts', () => {
    expect(html('fast')).toBe(page);
    const { tree: _a, ...remark } = parseNote('Images.md', source, 'remark');
    const { tree: _b, ...fast } = parseNote('Images.md', source, 'fast');
    expect(fast).toEqual(remark);
  });
});
