// Inline footnotes `^[text]` (parse/syntax/inline-footnote.ts, transforms/inline-footnotes.ts):
// numbered with the `[^1]` footnotes, in the same section; links and tags inside stay live.
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { fastPathRefusal } from '../src/parse/fast/eligible.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';

const source = renderFixture('inline-footnote.md');
const page = pageHtml(planNotes({ 'Notes.md': source, 'Other.md': '# Other' }), 'Notes.md');

/** The footnote section's items, in order: [id, text]. */
function footnotes(html: string): Array<[string, string]> {
  const section = html.slice(html.indexOf('<section data-footnotes'));
  return Array.from(section.matchAll(/<li id="user-content-fn-([^"]+)">\s*<p>([\s\S]*?) <a href="#user-content-fnref/g), (m) => [m[1] ?? '', m[2] ?? '']);
}

describe('inline footnotes', () => {
  it('are numbered with the regular footnotes, by order of reference', () => {
    const numbers = Array.from(page.matchAll(/<a href="#user-content-fn-([^"]+)"[^>]*>(\d+)<\/a>/g), (m) => [m[1], m[2]]);
    expect(numbers).toEqual([
      ['inline-1', '1'],
      ['1', '2'],
      ['inline-2', '3'],
      ['inline-4', '4'],
      ['inline-3', '5'],
    ]);
  });

  it('share one footnotes section with the regular ones', () => {
    expect(page.match(/<section data-footnotes/g)).toHaveLength(1);
    expect(footnotes(page).map(([id]) => id)).toEqual(['inline-1', '1', 'inline-2', 'inline-4', 'inline-3']);
  });

  it('keep links, wikilinks, tags and emphasis inside', () => {
    const [first, , second] = footnotes(page);
    expect(first?.[1]).toBe(
      'See <a class="internal" href="/other/" data-slug="other">Other</a> and <a class="tag" href="/tags/macro/">#macro</a> for the background.',
    );
    expect(second?.[1]).toContain('With <em>emphasis</em>, <a href="https://example.com">a link</a>');
  });

  it('balance brackets, and leave code, empty and escaped ones as text', () => {
    expect(footnotes(page)[3]?.[1]).toBe('A [bracketed] aside.');
    expect(page).toContain('<code>^[in code]</code>');
    expect(page).toContain('<p>Not a footnote: ^[] and x^y and ^[escaped].</p>');
  });

  it('links inside count as links of the note, at their place', () => {
    const note = parseNote('Notes.md', source);
    expect(note.links.map((link) => [link.target, link.line])).toEqual([['Other', 3]]);
    expect(note.tags.map((tag) => tag.name)).toEqual(['macro']);
  });

  it('do not collide with a regular footnote named like them', () => {
    const html = pageHtml(planNotes({ 'N.md': 'A^[inline] b[^inline-1]\n\n[^inline-1]: own\n' }), 'N.md');
    expect(footnotes(html)).toEqual([
      ['inline-2', 'inline'],
      ['inline-1', 'own'],
    ]);
  });

  it('raw HTML inside is sanitised like any other: no script, no blocked iframe', () => {
    const hostile =
      '# H\n\nA^[<script>alert(1)</script><img src=x onerror=alert(2)> <iframe src="https://evil.example/f"></iframe> [x](javascript:alert(3))] b\n';
    const plan = planNotes({ 'H.md': hostile });
    const html = pageHtml(plan, 'H.md');
    expect(html).toContain('data-footnotes');
    expect(html).not.toMatch(/<script|onerror|evil\.example|javascript:/);
    expect((plan.warnings.get('H.md') ?? []).map((warning) => [warning.rule, warning.line])).toEqual([['blocked-iframe', 3]]);
  });

  it('send the note to remark: the fast path does not read them', () => {
    expect(fastPathRefusal('text^[note]')).toBe('inline footnote');
    const fast = parseNote('N.md', 'Plain text, x^2 and [^] only.\n', 'fast');
    expect(JSON.stringify(fast.tree)).not.toContain('footnote');
  });
});
