// `[[target|alias]]` and `![[embed]]`: the one wikilink grammar, read by both parsers
// (the micromark construct below for remark, `scanWikiLink` for the fast path's markdown-it
// rule). It is remark-wiki-link's grammar with `|` as the alias divider: after `[[`, a target
// holding a non-blank character, then `]]`, or `|` and an alias holding a non-blank character,
// then `]]`; no line ending, and a `]` only as the first of the closing two.
import type { Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { ObsidianLink } from '../mdast.js';
import { splitWikiLink } from '../link-target.js';

const BANG = 0x21;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const BAR = 0x7c;
const SPACE = 0x20;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianLink: 'obsidianLink';
  }
}

/** Where the scan of the text between `[[` and `]]` stands. */
interface WikiLinkScan {
  inAlias: boolean;
  /** A non-blank character in the current part (target or alias). */
  seen: boolean;
}

type Step = 'more' | 'close' | 'fail';

/**
 * One character of the inside, as a micromark code: line endings are below -2, a tab is -2
 * and its virtual spaces -1, the end of input null. `close` means this `]` must be followed
 * by a second one.
 */
function step(scan: WikiLinkScan, code: number | null): Step {
  if (code === null || code < -2) return 'fail';
  if (code === CLOSE) return scan.seen ? 'close' : 'fail';
  if (code === BAR && !scan.inAlias) {
    if (!scan.seen) return 'fail';
    scan.inAlias = true;
    scan.seen = false;
    return 'more';
  }
  if (code >= 0 && code !== SPACE) scan.seen = true;
  return 'more';
}

/** A string's character as a micromark code (see `step`). */
function codeOf(src: string, pos: number): number {
  const code = src.charCodeAt(pos);
  return code === 0x0a || code === 0x0d ? -4 : code === 0x09 ? -2 : code;
}

/** The offset of the closing `]]` of a wikilink whose inside starts at `from` (after `[[`), or -1. */
export function scanWikiLink(src: string, from: number, max: number): number {
  const scan: WikiLinkScan = { inAlias: false, seen: false };
  for (let pos = from; pos < max; pos++) {
    const result = step(scan, codeOf(src, pos));
    if (result === 'fail') return -1;
    if (result === 'close') return pos + 1 < max && src.charCodeAt(pos + 1) === CLOSE ? pos : -1;
  }
  return -1;
}

/** The micromark extension: `[[` starts a link, `![[` an embed (tried before the image label at `!`). */
export function wikiLinkSyntax(): Extension {
  return { text: { [OPEN]: construct(false), [BANG]: construct(true) } };
}

function construct(embed: boolean): Construct {
  return { name: embed ? 'obsidianEmbed' : 'obsidianLink', tokenize };

  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const scan: WikiLinkScan = { inAlias: false, seen: false };
    let opened = 0;
    return start;

    function start(code: number | null): State | undefined {
      if (code !== (embed ? BANG : OPEN)) return nok(code);
      effects.enter('obsidianLink');
      if (!embed) return open(code);
      effects.consume(code);
      return open;
    }
    function open(code: number | null): State | undefined {
      if (code !== OPEN) return nok(code);
      effects.consume(code);
      return ++opened === 2 ? inside : open;
    }
    function inside(code: number | null): State | undefined {
      const result = step(scan, code);
      if (result === 'fail') return nok(code);
      effects.consume(code);
      return result === 'close' ? close : inside;
    }
    function close(code: number | null): State | undefined {
      if (code !== CLOSE) return nok(code);
      effects.consume(code);
      effects.exit('obsidianLink');
      return ok;
    }
  }
}

/** Builds the `obsidianLink` node from the link's own source, so `[[Note|Note]]` and `[[Note]]` stay distinct. */
export function wikiLinkFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      obsidianLink(this: CompileContext, token: Token) {
        const raw = this.sliceSerialize(token);
        const embed = raw.startsWith('!');
        const node: ObsidianLink = { type: 'obsidianLink', ...splitWikiLink(raw.slice(embed ? 3 : 2, -2)), embed };
        this.enter(node, token);
      },
    },
    exit: {
      obsidianLink(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}
