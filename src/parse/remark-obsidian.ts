// remark plugin: Obsidian Flavoured Markdown on top of remark-parse + remark-gfm.
// Syntax (wikilinks, embeds, comments, highlights) is tokenized by micromark
// extensions; conventions that live inside CommonMark nodes (callouts, block ids,
// tags) are tree transforms.
import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Construct, Extension } from 'micromark-util-types';
import remarkWikiLink from 'remark-wiki-link';
import './mdast.js';
import { embedFromMarkdown, embedSyntax } from './syntax/embed.js';
import { commentFromMarkdown, commentSyntax } from './syntax/comment.js';
import { highlightFromMarkdown, highlightSyntax } from './syntax/highlight.js';
import { inlineFootnoteFromMarkdown, inlineFootnoteSyntax } from './syntax/inline-footnote.js';
import { mathFromMarkdown, mathSyntax } from './syntax/math.js';
import { normaliseLinks } from './transforms/links.js';
import { transformCallouts } from './transforms/callouts.js';
import { attachBlockIds } from './transforms/block-ids.js';
import { markTags } from './transforms/tags.js';
import { markTaskStatuses } from './transforms/task-status.js';
import { markImageSizes } from './transforms/image-size.js';
import { expandInlineFootnotes } from './transforms/inline-footnotes.js';

const LEFT_BRACKET = 91;

export const remarkObsidian: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  remarkWikiLink.call(this, { aliasDivider: '|' });
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  const wikiLink = findWikiLinkConstruct(micromark[micromark.length - 1]);
  micromark.push(inlineFootnoteSyntax());
  fromMarkdown.push(inlineFootnoteFromMarkdown());
  micromark.push(embedSyntax(wikiLink), commentSyntax(), highlightSyntax(), mathSyntax());
  fromMarkdown.push(embedFromMarkdown(), commentFromMarkdown(), highlightFromMarkdown(), mathFromMarkdown());
  return (tree: Root, file: VFile) => transformObsidian(tree, String(file.value));
};

/** The tree transforms every parsed note goes through, whichever tokenizer read it. */
export function transformObsidian(tree: Root, source: string): void {
  normaliseLinks(tree, source);
  transformCallouts(tree);
  attachBlockIds(tree);
  expandInlineFootnotes(tree, source);
  markTaskStatuses(tree, source);
  markTags(tree, source);
  markImageSizes(tree, source);
}

function findWikiLinkConstruct(extension: Extension | Extension[] | undefined): Construct {
  const candidate = Array.isArray(extension) ? undefined : extension?.text?.[LEFT_BRACKET];
  const construct = Array.isArray(candidate) ? candidate[0] : candidate;
  if (!construct || typeof construct !== 'object' || !('tokenize' in construct)) {
    throw new Error('remark-wiki-link did not register its `[[` construct; its version is not supported');
  }
  return construct;
}
