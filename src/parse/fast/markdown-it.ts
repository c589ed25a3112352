// The fast path's tokenizer: markdown-it (CommonMark + GFM tables), set up to keep
// what remark keeps: raw HTML as written, link destinations as written (no percent
// encoding, no protocol filter — rehype-sanitize judges URLs at render time, as on
// the remark path), emphasis paired as micromark pairs it, plus Obsidian `[[wikilinks]]` and `![[embeds]]` with remark-wiki-link's
// grammar, Obsidian `%%comments%%` (comments.ts), Obsidian math (math.ts), and the offset where each inline token starts.
import MarkdownIt from 'markdown-it';
import StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { Nesting } from 'markdown-it/lib/token.mjs';
import { micromarkPairs } from './emphasis-pairs.js';
import { commentBlockRule, commentInlineRule } from './comments.js';
import { mathBlockRule, mathInlineRule } from './math.js';

/** Offset in its inline source where each inline token starts. */
export const inlineStart = new WeakMap<Token, number>();

export const OBSIDIAN_LINK = 'obsidian_link';

function createMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  md.disable('strikethrough');
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.validateLink = () => true;
  md.block.ruler.before('table', 'obsidian_comment', commentBlockRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.at('backticks', codeSpanRule);
  md.block.ruler.before('fence', 'obsidian_math_block', mathBlockRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('emphasis', 'obsidian_comment', commentInlineRule);
  md.inline.ruler.before('emphasis', 'obsidian_math', mathInlineRule);
  md.inline.ruler.before('link', 'obsidian_link', wikiLinkRule(false));
  md.inline.ruler.before('image', 'obsidian_embed', wikiLinkRule(true));
  md.inline.ruler2.at('balance_pairs', micromarkPairs);
  md.inline.State = PositionedState;
  md.helpers.parseLinkLabel = parseLinkLabel;
  return md;
}

/**
 * markdown-it's link label scan, except that a wikilink in the label is part of it, as in
 * micromark (`[a [[b]] c](u)` is a link holding a wikilink): markdown-it takes any token
 * opening with `[` there for a nested link and gives up on the outer one. Other brackets
 * count as markdown-it counts them.
 */
function parseLinkLabel(state: StateInline, start: number, disableNested?: boolean): number {
  const max = state.posMax;
  const oldPos = state.pos;
  state.pos = start + 1;
  let level = 1;
  let labelEnd = -1;
  while (state.pos < max) {
    const marker = state.src.charCodeAt(state.pos);
    if (marker === CLOSE) {
      level--;
      if (level === 0) {
        labelEnd = state.pos;
        break;
      }
    }
    const prevPos = state.pos;
    state.md.inline.skipToken(state);
    if (marker === OPEN) {
      if (prevPos === state.pos - 1) level++;
      else if (disableNested === true && !isWikiLink(state.src, prevPos, state.pos, max)) {
        state.pos = oldPos;
        return -1;
      }
    }
  }
  state.pos = oldPos;
  return labelEnd;
}

/** Whether `src[from, to)` is a wikilink as wikiLinkRule reads one. */
function isWikiLink(src: string, from: number, to: number, max: number): boolean {
  return src.charCodeAt(from + 1) === OPEN && linkEnd(src, from + 2, max) + 2 === to;
}

/** Records where each pushed token starts. Emphasis pushes one token per marker character
 * without moving `pos`, so consecutive pushes at one offset count up. */
class PositionedState extends StateInline {
  private lastPos = -1;
  private lastType = '';
  private run = 0;
  /** Per terminator (`-->`, `?>`, `]]>`, `>`), the first opener found with none after it. */
  private unclosed: Map<string, number> | undefined;

  /**
   * markdown-it remembers an unclosed HTML comment (or `<?`, `<![CDATA[`, `<!X`) with one
   * flag: every such opener read after it is text. A link label scanned ahead meets the
   * unclosed one first, so in `[<!----><!--` the closed comment became text too (micromark:
   * HTML). Here the memory is per terminator and from where it was found: an opener after
   * it has no terminator after it either, one before it is scanned again.
   */
  get skipHtmlSpecial(): boolean {
    const from = this.unclosed?.get(specialTerminator(this.src, this.pos));
    return from !== undefined && this.pos >= from;
  }

  set skipHtmlSpecial(value: boolean) {
    if (!value) return;
    this.unclosed ??= new Map();
    const terminator = specialTerminator(this.src, this.pos);
    const from = this.unclosed.get(terminator);
    if (from === undefined || this.pos < from) this.unclosed.set(terminator, this.pos);
  }
  override push(type: string, tag: string, nesting: Nesting): Token {
    const token = super.push(type, tag, nesting);
    if (type === 'text' && this.lastType === 'text' && this.pos === this.lastPos) this.run++;
    else this.run = 0;
    this.lastPos = this.pos;
    this.lastType = type;
    // For a link_open this is the label's start, one past its `[` (see linkStart).
    inlineStart.set(token, this.pos + this.run);
    return token;
  }
}

/** What ends the HTML comment, instruction, CDATA or declaration opening at `pos`. */
function specialTerminator(src: string, pos: number): string {
  if (src.startsWith('<!--', pos)) return '-->';
  if (src.startsWith('<![CDATA[', pos)) return ']]>';
  if (src.charCodeAt(pos + 1) === 0x3f) return '?>';
  return '>';
}

/** Where a link starts: its `[` sits just before the offset recorded; an autolink's `<` at it. */
export function linkStart(token: Token): number | undefined {
  const recorded = inlineStart.get(token);
  if (recorded === undefined || token.type !== 'link_open' || token.markup === 'autolink') return recorded;
  return recorded - 1;
}

/**
 * markdown-it's code span rule without its cache of "no closer of this length after here":
 * the cache assumes the line is scanned left to right, but a link label is first scanned
 * ahead in silent mode, so in `[a`b` `` the lone last backtick marks every single-backtick
 * run as unclosed and `b` is never code (micromark, rightly, makes it code). Scanning anew
 * costs little at the length of a paragraph.
 */
function codeSpanRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== TICK) return false;
  const max = state.posMax;
  let pos = start + 1;
  while (pos < max && state.src.charCodeAt(pos) === TICK) pos++;
  const marker = state.src.slice(start, pos);
  let matchEnd = pos;
  for (let matchStart = state.src.indexOf('`', matchEnd); matchStart !== -1 && matchStart < max; matchStart = state.src.indexOf('`', matchEnd)) {
    matchEnd = matchStart + 1;
    while (matchEnd < max && state.src.charCodeAt(matchEnd) === TICK) matchEnd++;
    if (matchEnd - matchStart === marker.length) {
      if (!silent) {
        const token = state.push('code_inline', 'code', 0);
        token.markup = marker;
        token.content = state.src
          .slice(pos, matchStart)
          .replace(/\n/g, ' ')
          .replace(/^ (.+) $/, '$1');
      }
      state.pos = matchEnd;
      return true;
    }
  }
  if (!silent) state.pending += marker;
  state.pos += marker.length;
  return true;
}

const TICK = 0x60;
const BANG = 0x21;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** remark-wiki-link's grammar: `[[`, a target with a non-blank character and no `]`, `|` or
 * line ending, then `]]`, or `|` and an alias with a non-blank character and no `]`. */
function wikiLinkRule(embed: boolean) {
  return (state: StateInline, silent: boolean): boolean => {
    const start = state.pos;
    let pos = start;
    if (embed) {
      if (state.src.charCodeAt(pos) !== BANG) return false;
      pos++;
    }
    if (state.src.charCodeAt(pos) !== OPEN || state.src.charCodeAt(pos + 1) !== OPEN) return false;
    pos += 2;
    const end = linkEnd(state.src, pos, state.posMax);
    if (end === -1) return false;
    if (!silent) {
      const token = state.push(OBSIDIAN_LINK, '', 0);
      token.content = state.src.slice(pos, end);
      token.markup = embed ? '!' : '';
      inlineStart.set(token, start);
    }
    state.pos = end + 2;
    return true;
  };
}

function linkEnd(src: string, from: number, max: number): number {
  let pos = from;
  let seen = false;
  let inAlias = false;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (code === 0x0a || code === 0x0d) return -1;
    if (code === 0x5d) {
      if (!seen || src.charCodeAt(pos + 1) !== 0x5d || pos + 1 >= max) return -1;
      return pos;
    }
    if (code === 0x7c && !inAlias) {
      if (!seen) return -1;
      inAlias = true;
      seen = false;
    } else if (code !== 0x20 && code !== 0x09) {
      seen = true;
    }
    pos++;
  }
  return -1;
}

let shared: MarkdownIt | undefined;

export function fastTokenizer(): MarkdownIt {
  shared ??= createMarkdownIt();
  return shared;
}
