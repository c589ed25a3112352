// Obsidian `%%comments%%`: inline (inside a paragraph, may span its lines) and as a
// block (a line opening with `%%`, running over blank lines to the closing `%%`, or
// to the end of the note when never closed, as Obsidian does).
import type { Code, Construct, Extension, State, TokenizeContext, Effects } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension, CompileContext, Token } from 'mdast-util-from-markdown';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';

const PERCENT = 37;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianComment: 'obsidianComment';
    obsidianCommentMarker: 'obsidianCommentMarker';
    obsidianCommentData: 'obsidianCommentData';
  }
}

const nonLazyLine: Construct = { partial: true, tokenize: tokenizeNonLazyLine };

function tokenizeNonLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;
  function start(code: Code): State | undefined {
    if (code === null) return nok(code);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return after;
  }
  function after(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}

function makeTokenizer(flow: boolean) {
  return function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this;
    // Codes in the current data token: a `%` that does not close is data, never an empty token.
    let tokenSize = 0;
    return start;

    function start(code: Code): State | undefined {
      if (code !== PERCENT) return nok(code);
      // `%%%` is not an opener; and inline, a `%` just before is not either.
      if (!flow && self.previous === PERCENT) return nok(code);
      effects.enter('obsidianComment');
      effects.enter('obsidianCommentMarker');
      effects.consume(code);
      return openSecond;
    }
    function openSecond(code: Code): State | undefined {
      if (code !== PERCENT) return nok(code);
      effects.consume(code);
      effects.exit('obsidianCommentMarker');
      return between;
    }
    function between(code: Code): State | undefined {
      if (code === null) {
        if (!flow) return nok(code);
        effects.exit('obsidianComment');
        return ok(code);
      }
      if (markdownLineEnding(code)) {
        if (flow) return effects.attempt(nonLazyLine, between, unclosed)(code);
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        return between;
      }
      if (code === PERCENT) return effects.check(closer, close, dataStart)(code);
      return dataStart(code);
    }
    function unclosed(code: Code): State | undefined {
      effects.exit('obsidianComment');
      return ok(code);
    }
    function dataStart(code: Code): State | undefined {
      effects.enter('obsidianCommentData');
      tokenSize = 0;
      return data(code);
    }
    function data(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) {
        effects.exit('obsidianCommentData');
        return between(code);
      }
      if (code === PERCENT && tokenSize > 0) {
        effects.exit('obsidianCommentData');
        return effects.check(closer, close, dataAgain)(code);
      }
      tokenSize++;
      effects.consume(code);
      return data;
    }
    function dataAgain(code: Code): State | undefined {
      effects.enter('obsidianCommentData');
      tokenSize = 1;
      effects.consume(code);
      return data;
    }
    function close(code: Code): State | undefined {
      effects.enter('obsidianCommentMarker');
      effects.consume(code);
      return closeSecond;
    }
    function trailingSpace(code: Code): State | undefined {
      if (markdownSpace(code)) {
        effects.consume(code);
        return trailingSpace;
      }
      effects.exit('whitespace');
      return afterFlowClose(code);
    }
    function closeSecond(code: Code): State | undefined {
      effects.consume(code);
      effects.exit('obsidianCommentMarker');
      if (!flow) {
        effects.exit('obsidianComment');
        return ok;
      }
      return afterFlowClose;
    }
    function afterFlowClose(code: Code): State | undefined {
      if (markdownSpace(code)) {
        effects.enter('whitespace');
        return trailingSpace(code);
      }
      if (code === null || markdownLineEnding(code)) {
        effects.exit('obsidianComment');
        return ok(code);
      }
      // Text after the closer: this is a paragraph holding an inline comment.
      return nok(code);
    }
  };
}

const closer: Construct = { partial: true, tokenize: tokenizeCloser };
function tokenizeCloser(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return first;
  function first(code: Code): State | undefined {
    if (code !== PERCENT) return nok(code);
    effects.enter('obsidianCommentMarker');
    effects.consume(code);
    return second;
  }
  function second(code: Code): State | undefined {
    if (code !== PERCENT) return nok(code);
    effects.consume(code);
    effects.exit('obsidianCommentMarker');
    return ok(code);
  }
}

export function commentSyntax(): Extension {
  return {
    flow: { [PERCENT]: { name: 'obsidianCommentFlow', tokenize: makeTokenizer(true), concrete: true } },
    text: { [PERCENT]: { name: 'obsidianCommentText', tokenize: makeTokenizer(false) } },
  };
}

export function commentFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      obsidianComment(this: CompileContext, token: Token) {
        this.enter({ type: 'obsidianComment', value: '' }, token);
      },
    },
    exit: {
      obsidianComment(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node && node.type === 'obsidianComment') node.value = commentText(this.sliceSerialize(token));
        this.exit(token);
      },
    },
  };
}

/** The text between the `%%` markers (an unclosed block comment runs to the end). */
export function commentText(raw: string): string {
  const body = raw.slice(2);
  return body.endsWith('%%') ? body.slice(0, -2) : body;
}
