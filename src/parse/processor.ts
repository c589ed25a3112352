// Markdown into the Obsidian-aware mdast tree. remark (remark-parse + remark-gfm +
// remark-wiki-link + Almanac's micromark extensions) is the reference parser; notes made
// only of the constructs the fast path reproduces exactly are tokenized by markdown-it
// instead (≈20× faster) and get the same tree (test/parse-fast.test.ts holds them equal).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { remarkObsidian, transformObsidian } from './remark-obsidian.js';
import { fastPathRefusal } from './fast/eligible.js';
import { FastPathUnsupported, fastMdast } from './fast/to-mdast.js';
import { checkSourceNesting, checkTreeNesting } from './nesting.js';

function createProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkObsidian).freeze();
}

export type MarkdownProcessor = ReturnType<typeof createProcessor>;

let shared: MarkdownProcessor | undefined;

export function markdownProcessor(): MarkdownProcessor {
  shared ??= createProcessor();
  return shared;
}

/** `auto`: the fast path when it reads the note exactly, else remark. */
export type ParserChoice = 'auto' | 'remark' | 'fast';

/** Parse and transform Markdown into the Obsidian-aware mdast tree. Throws a ParseError
 * (nesting.ts) for Markdown nested too deep to parse and render safely. */
export function parseMarkdown(markdown: string, parser: ParserChoice = 'auto'): Root {
  checkSourceNesting(markdown);
  const tree = parseTree(markdown, parser);
  checkTreeNesting(tree);
  return tree;
}

function parseTree(markdown: string, parser: ParserChoice): Root {
  if (parser === 'fast' || (parser === 'auto' && fastPathRefusal(markdown) === null)) {
    try {
      const tree = fastMdast(markdown);
      transformObsidian(tree, markdown);
      return tree;
    } catch (error) {
      if (!(error instanceof FastPathUnsupported) || parser === 'fast') throw error;
    }
  }
  const processor = markdownProcessor();
  return processor.runSync(processor.parse(markdown), markdown);
}
