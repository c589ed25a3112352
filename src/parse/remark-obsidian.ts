// remark plugin: Obsidian Flavoured Markdown on top of remark-parse + remark-gfm.
// Syntax (wikilinks, embeds, comments, highlights) is tokenized by micromark
// extensions; conventions that live inside CommonMark nodes (callouts, block ids,
// tags) are tree transforms.
import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import './mdast.js';
import { wikiLinkFromMarkdown, wikiLinkSyntax } from './syntax/wikilink.js';
import { commentFromMarkdown, commentSyntax } from './syntax/comment.js';
import { highlightFromMarkdown, highlightSyntax } from './syntax/highlight.js';
import { transformCallouts } from './transforms/callouts.js';
import { attachBlockIds } from './transforms/block-ids.js';
import { markTags } from './transforms/tags.js';

export const remarkObsidian: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  micromark.push(wikiLinkSyntax(), commentSyntax(), highlightSyntax());
  fromMarkdown.push(wikiLinkFromMarkdown(), commentFromMarkdown(), highlightFromMarkdown());
  return (tree: Root, file: VFile) => transformObsidian(tree, String(file.value));
};

/** The tree transforms every parsed note goes through, whichever tokenizer read it. */
export function transformObsidian(tree: Root, source: string): void {
  transformCallouts(tree);
  attachBlockIds(tree);
  markTags(tree, source);
}
