// Obsidian math for the fast path, as syntax/math.ts reads it on the remark path: inline
// `$…$` by Obsidian's rule (an opening `$` has a non-blank after it, a closing one a
// non-blank before it and no digit after it; inside, a backslash takes the next character
// with it) and `$$…$$` as display math in a paragraph; the second `$` of a run that did
// not open never opens, so `$$$` is text. Nothing inside is Markdown. A bare `$$` line
// opens a math block, to a line of as many `$` or more (up to 3 spaces before) or the end;
// the fast path reads those at the top level only, opened at the line's start and closed.
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { BACKSLASH, DOLLAR, isDigit, isMathSpace } from '../syntax/math-rule.js';
import { FastPathUnsupported } from './unsupported.js';

export const OBSIDIAN_MATH = 'obsidian_math';
export const OBSIDIAN_MATH_BLOCK = 'obsidian_math_block';
/** An inline math token's `info` when its source spans lines. */
export const MULTI_LINE = 'multi-line';

const FENCE = /^(\$\$+)[ \t]*$/;
const CLOSING_FENCE = /^ {0,3}(\$\$+)[ \t]*$/;

/** A math block: the token's content is the TeX between its fence lines. */
export function mathBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (line: number): string => state.src.slice(state.bMarks[line] ?? 0, state.eMarks[line] ?? 0);
  const from = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  if (state.src.charCodeAt(from) !== DOLLAR || (state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const fence = FENCE.exec(state.src.slice(from, state.eMarks[startLine] ?? 0));
  if (!fence) return false;
  // Inside a quote (or as its lazy line) or a list: remark decides. A table ends at one.
  const lineStart = state.bMarks[startLine] ?? 0;
  const atLineStart = lineStart === 0 || state.src.charCodeAt(lineStart - 1) === 0x0a;
  const nested = !atLineStart || state.blkIndent > 0 || state.parentType === 'blockquote' || state.parentType === 'list';
  if (nested) throw new FastPathUnsupported('math block in a container');
  if ((state.tShift[startLine] ?? 0) > 0) throw new FastPathUnsupported('indented math block');
  const size = fence[1]?.length ?? 2;
  let close = startLine + 1;
  for (; close < endLine; close++) {
    const closing = CLOSING_FENCE.exec(lineText(close));
    if (closing && (closing[1]?.length ?? 0) >= size) break;
  }
  if (close >= endLine) throw new FastPathUnsupported('unclosed math block');
  if (silent) return true;
  const lines: string[] = [];
  for (let line = startLine + 1; line < close; line++) lines.push(lineText(line));
  const token = state.push(OBSIDIAN_MATH_BLOCK, 'math', 0);
  token.content = lines.join('\n');
  token.map = [startLine, close + 1];
  state.line = close + 1;
  return true;
}

/** Per inline source, the offsets where a span this rule read ends (a `$` before such an
 * offset closed a span and does not stop a `$` after it opening). */
const spanEnds = new WeakMap<StateInline, Set<number>>();

/** Per inline source, openers found with no closer up to `max`: a later opener of the same
 * size has none either (its scan runs in step with the earlier one's from its `$` on), so
 * a line of prices is read in linear time. */
const failures = new WeakMap<StateInline, Array<{ from: number; max: number; size: number }>>();

export function mathInlineRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const max = state.posMax;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  if (start > 0 && src.charCodeAt(start - 1) === DOLLAR && !escapedAt(src, start - 1) && !spanEnds.get(state)?.has(start)) return false;
  let size = 1;
  if (src.charCodeAt(start + 1) === DOLLAR) size = 2;
  if (src.charCodeAt(start + size) === DOLLAR) return false;
  const from = start + size;
  if (from >= max || (size === 1 && isMathSpace(src[from]))) return false;
  const failed = failures.get(state);
  if (failed?.some((failure) => failure.size === size && failure.from < start && failure.max >= max)) return false;
  const close = closerFrom(src, from, max, size);
  if (close === -1) {
    failures.set(state, [...(failed ?? []), { from: start, max, size }]);
    return false;
  }
  if (!silent) {
    const token = state.push(OBSIDIAN_MATH, '', 0);
    // remark joins the data of each line with line endings between: none before the first
    // or after the last (`$$\ny$$` is `y`).
    const raw = src.slice(from, close);
    token.content = raw.replace(/^\n+|\n+$/g, '');
    token.info = raw.includes('\n') ? MULTI_LINE : '';
    token.markup = size === 2 ? '$$' : '$';
  }
  state.pos = close + size;
  const ends = spanEnds.get(state) ?? new Set<number>();
  ends.add(state.pos);
  spanEnds.set(state, ends);
  return true;
}

/** Where the closing marker starts, or -1. */
function closerFrom(src: string, from: number, max: number, size: number): number {
  let lastWasSpace = false;
  let content = false;
  let index = from;
  while (index < max) {
    const char = src[index];
    if (char === '$') {
      if (content && (size === 2 || !lastWasSpace)) {
        if (size === 2 ? src.charCodeAt(index + 1) === DOLLAR && index + 1 < max : !isDigit(src[index + 1])) return index;
      }
      lastWasSpace = false;
      content = true;
      index++;
      continue;
    }
    if (char === '\n') {
      lastWasSpace = true;
      index++;
      continue;
    }
    lastWasSpace = isMathSpace(char);
    if (!lastWasSpace) content = true;
    index++;
    if (src.charCodeAt(index - 1) === BACKSLASH && index < max && src[index] !== '\n') {
      lastWasSpace = isMathSpace(src[index]);
      if (!lastWasSpace) content = true;
      index++;
    }
  }
  return -1;
}

/** Whether the character at `at` is backslash-escaped (an odd run of backslashes before it). */
function escapedAt(src: string, at: number): boolean {
  let count = 0;
  for (let index = at - 1; index >= 0 && src.charCodeAt(index) === BACKSLASH; index--) count++;
  return count % 2 === 1;
}
