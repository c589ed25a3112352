// transformCallouts walks only the block structure (no blockquote is ever inside phrasing
// content); it must turn exactly the quotes into callouts that a visit of every node did.
import fc from 'fast-check';
import type { Blockquote, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { toCallout, transformCallouts } from '../src/parse/transforms/callouts.js';
import { propertyRuns } from './support/property.js';

const processor = unified().use(remarkParse).use(remarkGfm);

/** The transform as it was: a visit of every node, the callout visited in the quote's place. */
function reference(tree: Root): void {
  visit(tree, 'blockquote', (quote: Blockquote, index, parent) => {
    const callout = toCallout(quote);
    if (!callout || !parent || index === undefined) return;
    (parent.children as RootContent[])[index] = callout;
    return index;
  });
}

function both(markdown: string): { walked: Root; visited: Root } {
  const tree = processor.parse(markdown);
  const walked = structuredClone(tree);
  const visited = structuredClone(tree);
  transformCallouts(walked);
  reference(visited);
  return { walked, visited };
}

function count(tree: Root, type: string): number {
  let found = 0;
  visit(tree, type, () => {
    found++;
  });
  return found;
}

describe('transformCallouts', () => {
  it('turns quotes into callouts in lists, footnotes, nested quotes and callouts', () => {
    const markdown = [
      '> [!note] Title',
      '> body',
      '> > [!tip]- Inner',
      '> > text',
      '',
      '- item',
      '  > [!warning]',
      '  > in a list',
      '',
      '[^1]: > [!info] in a footnote',
      '',
      '> plain quote',
      '',
      '| a |',
      '| - |',
      '| > [!x] not a quote |',
    ].join('\n');
    const { walked, visited } = both(markdown);
    expect(walked).toStrictEqual(visited);
    expect(count(walked, 'callout')).toBe(4);
    expect(count(walked, 'blockquote')).toBe(1);
  });

  it('agrees with a visit of every node on random documents', () => {
    const pieces = [
      '> ',
      '> > ',
      '\n> [!note] T\n> ',
      '\n- > [!tip]\n  > ',
      '\n> > [!x]\n',
      '[!note]',
      '[!tip]-',
      '[!x]+ T',
      'text',
      '- ',
      '  ',
      '1. ',
      '[^1]: ',
      '\n',
      '\n\n',
      '**b**',
      '`c`',
      '| a |\n| - |\n',
    ];
    const doc = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    let callouts = 0;
    fc.assert(
      fc.property(doc, (markdown) => {
        const { walked, visited } = both(markdown);
        expect(walked).toStrictEqual(visited);
        callouts += count(walked, 'callout');
      }),
      propertyRuns(500),
    );
    expect(callouts).toBeGreaterThan(100);
  });
});
