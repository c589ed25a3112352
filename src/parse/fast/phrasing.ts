// Inline tokens to mdast phrasing content: text, breaks, code spans, inline HTML, emphasis,
// links, images and Obsidian links, with the start positions later stages read.
import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type Token from 'markdown-it/lib/token.mjs';
import type { ObsidianComment, ObsidianLink } from '../mdast.js';
import { inlineStart, linkStart, OBSIDIAN_LINK } from './markdown-it.js';
import type { Locator } from './locate.js';
import { FastPathUnsupported } from './unsupported.js';
import { OBSIDIAN_COMMENT } from './comments.js';
import { MULTI_LINE, OBSIDIAN_MATH } from './math.js';
import type { InlineMath } from '../syntax/math-nodes.js';

/** Where the phrasing sits: at the top level, in a quote or list, or in a table cell. */
export type PhrasingContext = 'top' | 'nested' | 'cell';

/** Inline tokens to phrasing content, merging adjacent text as mdast does. */
export function phrasing(inline: Token, locate: Locator, context: PhrasingContext): PhrasingContent[] {
  const tokens = inline.children ?? [];
  const root: PhrasingContent[] = [];
  const stack: PhrasingContent[][] = [root];
  const here = (): PhrasingContent[] => stack[stack.length - 1] ?? root;
  const at = (token: Token): Position => {
    const start = linkStart(token) ?? 0;
    return { start: locate(start), end: locate(start + token.content.length) };
  };
  const text = (value: string): void => {
    const siblings = here();
    const previous = siblings[siblings.length - 1];
    if (previous?.type === 'text') previous.value += value;
    else if (value !== '') siblings.push({ type: 'text', value });
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    here().push(node);
    stack.push(node.children);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        here().push({ type: 'break', position: at(token) });
        break;
      case 'code_inline':
        here().push({ type: 'inlineCode', value: codeText(inline.content, inlineStart.get(token), token), position: at(token) });
        break;
      case 'html_inline':
        // micromark drops the indentation of inline HTML's continuation lines; markdown-it keeps it.
        if (/\n[ \t]/.test(token.content)) throw new FastPathUnsupported('indented line in inline HTML');
        here().push({ type: 'html', value: token.content, position: at(token) });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [], position: at(token) });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [], position: at(token) });
        break;
      case 'link_open':
        open({ type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [], position: at(token) });
        break;
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'image':
        here().push({ type: 'image', url: token.attrGet('src') ?? '', title: token.attrGet('title'), alt: plain(token.children ?? []), position: at(token) });
        break;
      case OBSIDIAN_LINK:
        here().push(obsidianLink(token, at(token)));
        break;
      case OBSIDIAN_COMMENT:
        here().push(comment(token, locate, context));
        break;
      case OBSIDIAN_MATH: {
        // Across the lines of a list item micromark keeps the item's indentation in the TeX.
        if (context === 'nested' && token.info === MULTI_LINE) throw new FastPathUnsupported('multi-line math in a container');
        const math: InlineMath = { type: 'inlineMath', value: token.content, position: at(token) };
        if (token.markup === '$$') math.data = { display: true };
        here().push(math);
        break;
      }
      default:
        throw new FastPathUnsupported(`inline token ${token.type}`);
    }
  }
  return root;
}

/** A code span as mdast keeps it: line endings as written (markdown-it makes them spaces). */
function codeText(src: string, start: number | undefined, token: Token): string {
  if (start === undefined || !token.content.includes(' ')) return token.content;
  const open = token.markup.length;
  const from = start + open;
  const close = closingRun(src, from, open);
  if (close === -1) return token.content;
  const raw = src.slice(from, close);
  // markdown-it also strips a space from each end of an all-space span; micromark keeps it.
  if (!raw.includes('\n') && /[^ ]/.test(raw)) return token.content;
  const edge = /^[ \n]/.test(raw) && /[ \n]$/.test(raw) && /[^ \n]/.test(raw);
  return edge ? raw.slice(1, -1) : raw;
}

function closingRun(src: string, from: number, length: number): number {
  let at = src.indexOf('`', from);
  while (at !== -1) {
    let end = at;
    while (src.charCodeAt(end) === 0x60) end++;
    if (end - at === length) return at;
    at = src.indexOf('`', end);
  }
  return -1;
}

/** An inline comment. In a cell remark keeps `\\|` as written, and across the lines of a
 * quote or list it may keep their prefixes: those go to remark. */
function comment(token: Token, locate: Locator, context: PhrasingContext): ObsidianComment {
  if (context === 'cell') throw new FastPathUnsupported('comment in a table cell');
  if (context === 'nested' && token.content.includes('\n')) throw new FastPathUnsupported('multi-line comment in a container');
  const start = inlineStart.get(token) ?? 0;
  return { type: 'obsidianComment', value: token.content, position: { start: locate(start), end: locate(start + token.content.length + 4) } };
}

function obsidianLink(token: Token, position: Position): ObsidianLink {
  const inner = token.content;
  const bar = inner.indexOf('|');
  let target = bar === -1 ? inner : inner.slice(0, bar);
  const alias = bar === -1 ? null : inner.slice(bar + 1);
  if (bar !== -1 && target.endsWith('\\')) target = target.slice(0, -1);
  const raw = (token.markup === '!' ? 3 : 2) + inner.length + 2;
  const end = { ...position.start, column: position.start.column + raw, offset: (position.start.offset ?? 0) + raw };
  return {
    type: 'obsidianLink',
    value: target.trim(),
    alias: alias === null ? null : alias.trim(),
    embed: token.markup === '!',
    position: { start: position.start, end },
  };
}

/** An image's alt text: the plain text of its label, raw HTML included (as mdast-util-to-string
 * gives it). Escapes and entities are still `text_special` here: markdown-it joins them into
 * text only at the top level. */
function plain(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline' || token.type === 'html_inline') out += token.content;
    else if (token.type === 'softbreak') out += '\n';
    else if (token.type === 'image') out += plain(token.children ?? []);
    // remark gives a wikilink's raw target here (`a  N  b` for `a [[ N |x]] b`): left to it.
    else if (token.type === OBSIDIAN_LINK) throw new FastPathUnsupported('wikilink in image alt');
    else if (token.type === OBSIDIAN_COMMENT || token.type === OBSIDIAN_MATH) out += token.content;
  }
  return out;
}
