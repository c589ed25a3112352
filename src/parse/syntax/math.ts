// Obsidian math: `$…$` inline by Obsidian's rule (math-rule.ts), `$$…$$` inside a
// paragraph as display math (Obsidian shows it as a block), and a `$$` line opening a
// math block, read by micromark-extension-math's flow construct (as fenced code: to a
// closing `$$` line or the end of its container). Nothing inside is Markdown: no links,
// tags, emphasis or escapes, so `$a_b\\c$` keeps its TeX as written.
//
// Nodes are mdast-util-math's shapes: `inlineMath` {value} (with `data.display` for
// `$$…$$` in a paragraph) and `math` {value, meta: null}.
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import { asciiDigit, markdownLineEnding, markdownLineEndingOrSpace, markdownSpace } from 'micromark-util-character';
import { math } from 'micromark-extension-math';
import { BACKSLASH, DOLLAR } from './math-rule.js';
import './math-nodes.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianMath: 'obsidianMath';
    obsidianMathMarker: 'obsidianMathMarker';
    obsidianMathData: 'obsidianMathData';
  }
}

/** Per text chunk, the spans `[from, to)` where an opener is known to have no closer
 * (every later opener in them fails too), so a line of prices is read in linear time. */
const failures = new WeakMap<object, Array<[from: number, to: number, size: number]>>();

function tokenizeInline(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let size = 0;
  let openedAt = 0;
  let lastWasSpace = false;
  let content = false;
  return start;

  function start(code: Code): State | undefined {
    if (code !== DOLLAR) return nok(code);
    // The second `$` of a run that did not open (`$$$`), not one after an escape or a span.
    const last = self.events[self.events.length - 1];
    if (self.previous === DOLLAR && last?.[1].type === 'data') return nok(code);
    effects.enter('obsidianMath');
    effects.enter('obsidianMathMarker');
    return opening(code);
  }
  function opening(code: Code): State | undefined {
    if (code === DOLLAR) {
      if (size === 2) return nok(code);
      size++;
      effects.consume(code);
      return opening;
    }
    effects.exit('obsidianMathMarker');
    openedAt = self.now().offset;
    if (code === null || (size === 1 && markdownLineEndingOrSpace(code))) return nok(code);
    if (failures.get(self.parser)?.some(([from, to, failed]) => failed === size && openedAt > from && openedAt < to)) return nok(code);
    return between(code);
  }
  function between(code: Code): State | undefined {
    if (code === null) {
      const list = failures.get(self.parser) ?? [];
      list.push([openedAt, self.now().offset, size]);
      failures.set(self.parser, list);
      return nok(code);
    }
    if (markdownLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      lastWasSpace = true;
      return between;
    }
    if (code === DOLLAR) {
      return content && (size === 2 || !lastWasSpace) ? effects.attempt(size === 2 ? displayCloser : inlineCloser, closed, dataDollar)(code) : dataDollar(code);
    }
    effects.enter('obsidianMathData');
    return data(code);
  }
  function dataDollar(code: Code): State | undefined {
    effects.enter('obsidianMathData');
    take(code);
    return data;
  }
  function data(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code) || code === DOLLAR) {
      effects.exit('obsidianMathData');
      return between(code);
    }
    if (code === BACKSLASH) {
      take(code);
      return escaped;
    }
    take(code);
    return data;
  }
  function escaped(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return data(code);
    take(code);
    return data;
  }
  function take(code: Code): void {
    lastWasSpace = markdownLineEndingOrSpace(code);
    if (!lastWasSpace) content = true;
    effects.consume(code);
  }
  function closed(code: Code): State | undefined {
    effects.exit('obsidianMath');
    return ok(code);
  }
}

/** A closing `$` not followed by a digit (`$5 and 10$5` does not close). */
const inlineCloser: Construct = { partial: true, tokenize: closerTokenizer(1, true) };
const displayCloser: Construct = { partial: true, tokenize: closerTokenizer(2, false) };

function closerTokenizer(size: number, noDigitAfter: boolean) {
  return function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let seen = 0;
    return start;
    function start(code: Code): State | undefined {
      effects.enter('obsidianMathMarker');
      return sequence(code);
    }
    function sequence(code: Code): State | undefined {
      if (code === DOLLAR && seen < size) {
        seen++;
        effects.consume(code);
        return sequence;
      }
      if (seen < size) return nok(code);
      effects.exit('obsidianMathMarker');
      return noDigitAfter && asciiDigit(code) ? nok(code) : ok(code);
    }
  };
}

export function mathSyntax(): Extension {
  const candidate = math().flow?.[DOLLAR];
  const fenced = Array.isArray(candidate) ? candidate[0] : candidate;
  if (!fenced) throw new Error('micromark-extension-math did not register its `$$` construct; its version is not supported');
  // A block only from a bare `$$` line: `$$ x` starting a line is display math in a
  // paragraph to Obsidian, not a fence with `x` as its meta.
  const flow: Construct = {
    name: 'obsidianMathFlow',
    concrete: true,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      return effects.check(bareFence, fenced.tokenize.call(this, effects, ok, nok), nok);
    },
  };
  return {
    flow: { [DOLLAR]: flow },
    text: { [DOLLAR]: { name: 'obsidianMath', tokenize: tokenizeInline } },
  };
}

/** `$$` (or more) and nothing but spaces to the end of the line. */
const bareFence: Construct = { partial: true, tokenize: tokenizeBareFence };

function tokenizeBareFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  return start;
  // Consumed inside a token, as micromark wants; a check keeps none of it.
  function start(code: Code): State | undefined {
    effects.enter('obsidianMathMarker');
    return sequence(code);
  }
  function sequence(code: Code): State | undefined {
    if (code === DOLLAR) {
      size++;
      effects.consume(code);
      return sequence;
    }
    if (size < 2) return nok(code);
    return rest(code);
  }
  function rest(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('obsidianMathMarker');
      return ok(code);
    }
    if (!markdownSpace(code)) return nok(code);
    effects.consume(code);
    return rest;
  }
}

interface MathFlowState {
  lines: Map<number, string>;
  fences: number[];
}

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    obsidianMathFlow?: MathFlowState | undefined;
  }
}
const dataLines = new WeakMap<object, number>();

export function mathFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      obsidianMath(this: CompileContext, token: Token) {
        this.enter({ type: 'inlineMath', value: '' }, token);
      },
      mathFlow(this: CompileContext, token: Token) {
        this.enter({ type: 'math', meta: null, value: '' }, token);
        this.data.obsidianMathFlow = { lines: new Map(), fences: [] };
      },
    },
    exit: {
      obsidianMath(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'inlineMath' && this.sliceSerialize(token).startsWith('$$')) node.data = { display: true };
        this.exit(token);
      },
      // The TeX as written: the data tokens, a line ending between lines (container
      // prefixes such as `> ` are not data).
      obsidianMathData(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type !== 'inlineMath') return;
        const previous = dataLines.get(node);
        if (previous !== undefined && token.start.line > previous) node.value += '\n'.repeat(token.start.line - previous);
        node.value += this.sliceSerialize(token);
        dataLines.set(node, token.end.line);
      },
      mathFlowFence(this: CompileContext, token: Token) {
        this.data.obsidianMathFlow?.fences.push(token.start.line);
      },
      mathFlowValue(this: CompileContext, token: Token) {
        this.data.obsidianMathFlow?.lines.set(token.start.line, this.sliceSerialize(token));
      },
      mathFlow(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1];
        const state = this.data.obsidianMathFlow;
        if (node?.type === 'math' && state) node.value = flowValue(state);
        this.data.obsidianMathFlow = undefined;
        this.exit(token);
      },
    },
  };
}

function flowValue(state: MathFlowState): string {
  const [open = 0, close] = state.fences;
  const contentLines = [...state.lines.keys()];
  const last = close !== undefined ? close - 1 : Math.max(open, ...contentLines);
  const lines: string[] = [];
  for (let line = open + 1; line <= last; line++) lines.push(state.lines.get(line) ?? '');
  return lines.join('\n');
}
