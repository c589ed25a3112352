// Math syntax (parse/syntax/math.ts, math-rule.ts) by Obsidian's rule, which is Pandoc's
// tex_math_dollars: the opening `$` has a non-space right after it, the closing `$` a
// non-space right before it and no digit right after it; `\$` is a dollar; `$$…$$` inside a
// paragraph is display math. Sources:
// - https://pandoc.org/chunkedhtml-demo/8.13-math.html (Extension: tex_math_dollars)
// - https://github.com/obsidianmd/obsidian-help/issues/1126 (what Obsidian does: no space
//   after the opening `$`, none before the closing one, no number after it)
// - https://forum.obsidian.md/t/inline-math-allow-white-spaces-before-closing-dollar-signs/63551
//   (`$S_n$` is math in Obsidian, `$S_n $` is not)
// - commonmark-hs's math extension tests and markdown-it-katex's fixtures (`$20,000 and
//   USD$30,000`, `2$ for a can of soda, not 1$`), which apply the same rule.
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/parse/processor.js';
import { fastPathRefusal } from '../src/parse/fast/eligible.js';
import { parseNote } from '../src/parse/index.js';
import { FastPathUnsupported } from '../src/parse/fast/to-mdast.js';
import { propertyRuns } from './support/property.js';

/** The math of a document as [kind, TeX]: `$` inline, `$$` display in a paragraph, `block` a `$$` block. */
function mathOf(tree: Root): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'inlineMath') found.push([node.data?.display ? '$$' : '$', node.value]);
    else if (node.type === 'math') found.push(['block', node.value]);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** The fast path's tree, or null where it leaves the note to remark. */
function fastTree(source: string): Root | null {
  if (fastPathRefusal(source) !== null) return null;
  try {
    return parseMarkdown(source, 'fast');
  } catch (error) {
    if (error instanceof FastPathUnsupported) return null;
    throw error;
  }
}

function textOf(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') parts.push(node.value);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return parts.join('|');
}

/** The tree without positions (the fast path leaves off those of nodes no stage reads; test/parse-fast.test.ts compares them). */
function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'position' && key !== 'spread')
      .map(([key, value]) => [key, withoutPositions(value)]),
  );
}

/** What Obsidian shows: text (no math at all), or the math it finds. */
const CASES: Array<[source: string, math: Array<[string, string]>]> = [
  // Money in a market-research vault: never math.
  ['$10M', []],
  ['~$38M in December', []],
  ['$5 and $10', []],
  ['between $5 and $10', []],
  ['$10M-$20M', []],
  ['$1.5T budget, $209B funds, -$42B outflows', []],
  ['Thus, $20,000 and USD$30,000 stay text.', []],
  ['For some Europeans, it is 2$ for a can of soda, not 1$.', []],
  ['I will give you $20 today, if you give me more $ tomorrow.', []],
  ['| $38M | $1.2B |\n| --- | --- |\n| ~$5M | $10M-$20M |', []],
  ['$5/$10 per share', []],
  ['a $ b $ c', []],
  ['$ x$ and $x $', []],
  ['aaa $$ bbb', []],
  ['\\$x\\$', []],
  ['Escaped: \\$x$ stays text', []],
  // Math.
  ['$x$', [['$', 'x']]],
  [
    'Let $x$ and $y$ be integers',
    [
      ['$', 'x'],
      ['$', 'y'],
    ],
  ],
  ['$S_n$ is math', [['$', 'S_n']]],
  ['$n$-th order', [['$', 'n']]],
  ['foo$-1+1 = 2$bar', [['$', '-1+1 = 2']]],
  ['$a\\$b$ holds a TeX dollar', [['$', 'a\\$b']]],
  ['$a_b\\\\c$', [['$', 'a_b\\\\c']]],
  ['costs $5, or 10$ total', [['$', '5, or 10']]],
  ['$x$1 closes only before a non-digit: $y$', [['$', 'x$1 closes only before a non-digit: $y']]],
  ['$a\nb$ across lines', [['$', 'a\nb']]],
  ['> $a\n> b$ in a quote', [['$', 'a\nb']]],
  ['| Formula | $x^2$ |\n| --- | --- |', [['$', 'x^2']]],
  ['`$x$` is code', []],
  ['Display $$\\sum_i i$$ in a paragraph', [['$$', '\\sum_i i']]],
  ['$$ e = mc^2 $$', [['$$', ' e = mc^2 ']]],
  ['$$\nx^2\n\ny\n$$', [['block', 'x^2\n\ny']]],
  ['Text\n$$\n\\frac{1}{2}\n$$\nafter', [['block', '\\frac{1}{2}']]],
  ['- $$\n  a\n  $$', [['block', 'a']]],
  // Nothing inside math is Markdown.
  [
    '$[[Note]]$ $\\#x$ $a==b$ $*a*$ $%%c%%$',
    [
      ['$', '[[Note]]'],
      ['$', '\\#x'],
      ['$', 'a==b'],
      ['$', '*a*'],
      ['$', '%%c%%'],
    ],
  ],
];

describe('math syntax', () => {
  it.each(CASES)('%j', (source, math) => {
    const tree = parseMarkdown(source, 'remark');
    expect(mathOf(tree)).toEqual(math);
    // Where no math forms, the text is exactly what was written (escapes aside).
    if (math.length === 0 && !source.includes('\\') && !source.includes('`') && !source.includes('|')) expect(textOf(tree)).toBe(source);
    // Where the fast path takes the note, it gives the same tree.
    const fast = fastTree(source);
    if (fast !== null) expect(withoutPositions(fast)).toEqual(withoutPositions(tree));
  });

  it('keeps notes with math and money on the fast path', () => {
    // All but math in containers across lines or as a block (the fast path reads those at
    // the top level only) and `==` (a highlight to remark, which the fast path does not read).
    const left = CASES.filter(([source]) => fastTree(source) === null).map(([source]) => source);
    expect(left).toEqual(CASES.map(([source]) => source).filter((source) => /^[->] \$/.test(source) || source.includes('==')));
    expect(left.length).toBeLessThan(4);
  });

  it('takes no links or tags from inside math', () => {
    const note = parseNote('Math.md', 'See $[[Hidden]]$ and $x \\#tag$ but [[Shown]] #real\n');
    expect(note.links.map((link) => link.target)).toEqual(['Shown']);
    expect(note.tags.map((tag) => tag.name)).toEqual(['real']);
  });

  it('finds the math remark finds, wherever the fast path takes the note', () => {
    const piece = fc.constantFrom('$', '$$', '\\', 'x', '1', ' ', '\n', '\n\n', '`', '|', '> ', '- ', '*', '_', '[[a]]', 'a$', '$b', '10M', '| $5 |\n|---|\n');
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const source = pieces.join('');
        const fast = fastTree(source);
        if (fast === null) return;
        taken++;
        expect(mathOf(fast), JSON.stringify(source)).toEqual(mathOf(parseMarkdown(source, 'remark')));
      }),
      propertyRuns(3000),
    );
    expect(taken).toBeGreaterThan(1000);
  });

  it('reads a long line of prices in linear time', () => {
    const prices = Array.from({ length: 20_000 }, (_, index) => `$${index}M`).join(' ');
    const started = performance.now();
    expect(mathOf(parseMarkdown(prices, 'remark'))).toEqual([]);
    expect(mathOf(parseMarkdown(prices, 'fast'))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
