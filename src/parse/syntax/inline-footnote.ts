// Inline footnotes `^[text]` (Obsidian and Pandoc). The text between balanced brackets is
// tokenized as inline content (a `chunkText`, as micromark-extension-directive does for its
// labels), so links, wikilinks, tags and emphasis inside are what they are elsewhere. The
// `inlineFootnote` node is transient: transforms/inline-footnotes.ts turns each into a
// footnoteReference and a footnoteDefinition, numbered with the note's `[^1]` footnotes.
// The fast path refuses notes with `^[` (fast/eligible.ts).
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token as MdToken } from 'mdast-util-from-markdown';
import type { Parent, PhrasingContent } from 'mdast';
import { markdownLineEnding } from 'micromark-util-character';

const CARET = 94;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const BACKSLASH = 92;
/** As micromark's limits on link labels: no unbounded look-ahead on a stray `^[`. */
const MAX_SIZE = 999;
const MAX_DEPTH = 32;

/** `^[…]` before the transform. */
export interface InlineFootnote extends Parent {
  type: 'inlineFootnote';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    inlineFootnote: InlineFootnote;
  }
  interface RootContentMap {
    inlineFootnote: InlineFootnote;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    inlineFootnote: 'inlineFootnote';
    inlineFootnoteMarker: 'inlineFootnoteMarker';
    inlineFootnoteString: 'inlineFootnoteString';
  }
}

export function inlineFootnoteSyntax(): Extension {
  const construct: Construct = { name: 'inlineFootnote', tokenize };
  return { text: { [CARET]: construct } };
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  let balance = 0;
  let previous: Token | undefined;
  return start;

  function start(code: Code): State | undefined {
    if (code !== CARET) return nok(code);
    effects.enter('inlineFootnote');
    effects.enter('inlineFootnoteMarker');
    effects.consume(code);
    return open;
  }

  function open(code: Code): State | undefined {
    if (code !== LEFT_BRACKET) return nok(code);
    effects.consume(code);
    effects.exit('inlineFootnoteMarker');
    return afterOpen;
  }

  function afterOpen(code: Code): State | undefined {
    // `^[]` is no footnote.
    if (code === RIGHT_BRACKET) return nok(code);
    effects.enter('inlineFootnoteString');
    return chunkStart(code);
  }

  function chunkStart(code: Code): State | undefined {
    const token = effects.enter('chunkText', { contentType: 'text', previous });
    if (previous) previous.next = token;
    previous = token;
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (code === null || size > MAX_SIZE) return nok(code);
    if (code === LEFT_BRACKET && ++balance > MAX_DEPTH) return nok(code);
    if (markdownLineEnding(code)) {
      effects.exit('chunkText');
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return chunkStart;
    }
    if (code === RIGHT_BRACKET && balance-- === 0) {
      effects.exit('chunkText');
      effects.exit('inlineFootnoteString');
      effects.enter('inlineFootnoteMarker');
      effects.consume(code);
      effects.exit('inlineFootnoteMarker');
      effects.exit('inlineFootnote');
      return ok;
    }
    size++;
    effects.consume(code);
    return code === BACKSLASH ? escaped : data;
  }

  function escaped(code: Code): State | undefined {
    if (code === LEFT_BRACKET || code === RIGHT_BRACKET || code === BACKSLASH) {
      size++;
      effects.consume(code);
      return data;
    }
    return data(code);
  }
}

export function inlineFootnoteFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      inlineFootnote(this: CompileContext, token: MdToken) {
        this.enter({ type: 'inlineFootnote', children: [] }, token);
      },
    },
    exit: {
      inlineFootnote(this: CompileContext, token: MdToken) {
        this.exit(token);
      },
    },
  };
}
