// The build (src/publish/search/) and the site's search script (search-engine.js) must turn
// text into the same terms, or queries miss what the index holds; and the build must cut a
// note's HTML into the sections and words a reader sees.
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { pageSections } from '../src/publish/search/page-text.js';
import { stemsFor, TermMaker, words } from '../src/publish/search/words.js';
import { termOf, words as clientWords } from '../templates/assets/js/search-engine.js';
import { propertyRuns } from './support/property.js';

const text = fc.string({
  unit: fc.oneof(fc.constantFrom(..."aZé e\u0301ß’'s-1.2 Ωж中٣\u00a0\n,;!".split('')), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })),
  maxLength: 60,
});

describe('search terms', () => {
  it('are the same in the build and in the browser, stemmed or not', () => {
    const stemmed = new TermMaker(true);
    const plain = new TermMaker(false);
    fc.assert(
      fc.property(text, (value) => {
        const built = words(value);
        expect(clientWords(value)).toEqual(built);
        expect(built.map((word) => termOf(word, stemmer))).toEqual(built.map((word) => stemmed.term(word)));
        expect(built.map((word) => termOf(word, null))).toEqual(built.map((word) => plain.term(word)));
      }),
      propertyRuns(2000),
    );
  });

  it('fold case and accents, drop apostrophes, stem English words of letters only', () => {
    expect(words("Yardeni's CAFÉ don’t Q3 S&P 493")).toEqual(['yardeni', 'cafe', 'dont', 'q3', 's', 'p', '493']);
    const terms = new TermMaker(true);
    expect(['rotations', 'rotation', 'q3', 'growing'].map((word) => terms.term(word))).toEqual(['rotat', 'rotat', 'q3', 'grow']);
    expect(stemsFor('en')).toBe(true);
    expect(stemsFor('en-GB')).toBe(true);
    expect(stemsFor('de')).toBe(false);
  });
});

describe('page sections', () => {
  it('start a section at each heading with an id, decode entities and keep block breaks', () => {
    const html = [
      '<p>Intro &#x26; more<em>text</em></p>',
      '<h2 id="flows">Fund <code>flows</code></h2>',
      '<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>',
      '<h3>No id</h3><p title="a > b">still flows</p>',
      '<h2 id="a&#x26;b">A &#x26; B</h2><p>last</p>',
    ].join('\n');
    expect(pageSections(html, 'Title', 'title')).toEqual([
      { anchor: 'title', heading: 'Title', text: 'Intro & moretext' },
      // A table's rows start with a line break, its cells with a tab (excerpts show them).
      { anchor: 'flows', heading: 'Fund flows', text: 'one two\na\tb\nNo id still flows' },
      { anchor: 'a&b', heading: 'A & B', text: 'last' },
    ]);
  });

  it('keep a footnote number apart from its word, and read a heading id only from the id attribute', () => {
    const html =
      '<p>Porter stemming<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup> helps.</p>\n<h2 data-x=" id=" id="real">Real</h2><p>x</p>';
    expect(pageSections(html, 'T', '')).toEqual([
      { anchor: '', heading: 'T', text: 'Porter stemming 1 helps.' },
      { anchor: 'real', heading: 'Real', text: 'x' },
    ]);
  });

  it('give a page without headings one section, and an empty page an empty one', () => {
    expect(pageSections('<p>Only text</p>', 'Note', '')).toEqual([{ anchor: '', heading: 'Note', text: 'Only text' }]);
    expect(pageSections('', 'Empty', '')).toEqual([{ anchor: '', heading: 'Empty', text: '' }]);
  });
});
