// The one unified processor that reads Obsidian Markdown into mdast.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { remarkObsidian } from './remark-obsidian.js';

function createProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkObsidian).freeze();
}

export type MarkdownProcessor = ReturnType<typeof createProcessor>;

let shared: MarkdownProcessor | undefined;

export function markdownProcessor(): MarkdownProcessor {
  shared ??= createProcessor();
  return shared;
}

/** Parse and transform Markdown into the Obsidian-aware mdast tree. */
export function parseMarkdown(markdown: string): Root {
  const processor = markdownProcessor();
  return processor.runSync(processor.parse(markdown), markdown);
}
