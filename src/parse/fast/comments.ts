// Obsidian `%%comments%%` for the fast path, as syntax/comment.ts reads them on the remark
// path: inline, from a `%%` not just after a `%` to the first `%%` after it, within the
// paragraph; as a block, a line opening with `%%` (after up to 3 spaces) up to the line
// where the first `%%` after it closes, with only blanks after the closer, or to the end
// of the note when never closed. Block comments interrupt paragraphs, lazy lines, lists,
// quotes and tables. Inside a container the fast path reads only what stays on one line
// (a multi-line comment there, or a block comment, sends the note to remark).
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { FastPathUnsupported } from './unsupported.js';

export const OBSIDIAN_COMMENT = 'obsidian_comment';
export const OBSIDIAN_COMMENT_BLOCK = 'obsidian_comment_block';

const PERCENT = 0x25;

/** A block comment: the token's content is its source after the opening `%%` (closer and
 * trailing blanks included when closed, all the rest of the note when not). */
export function commentBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const from = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const src = state.src;
  if (src.charCodeAt(from) !== PERCENT || src.charCodeAt(from + 1) !== PERCENT) return false;
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const closer = src.indexOf('%%', from + 2);
  // Inside a container (or ending one, as a lazy line): only a comment closed on its line.
  const nested = state.level > 0 || state.blkIndent > 0 || state.parentType === 'blockquote';
  if (nested && (closer === -1 || closer > (state.eMarks[startLine] ?? 0))) throw new FastPathUnsupported('multi-line block comment in a container');
  let end = src.length;
  let last = endLine - 1;
  if (closer !== -1) {
    last = lineOf(state, startLine, endLine, closer);
    end = state.eMarks[last] ?? src.length;
    if (!/^[ \t]*$/.test(src.slice(closer + 2, end))) {
      // Not a block comment, but micromark, trying one, opened no list or quote on the lines
      // it read: they stay in the paragraph. markdown-it would open them.
      if (last !== startLine) throw new FastPathUnsupported('multi-line %% with text after its closer');
      return false;
    }
  }
  if (nested && !silent) throw new FastPathUnsupported('block comment in a container');
  if (silent) return true;
  const token = state.push(OBSIDIAN_COMMENT_BLOCK, '', 0);
  token.content = src.slice(from + 2, end);
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** The line (0-based) holding offset `at`. */
function lineOf(state: StateBlock, startLine: number, endLine: number, at: number): number {
  let line = startLine;
  while (line < endLine - 1 && (state.eMarks[line] ?? 0) < at) line++;
  return line;
}

/** An inline comment: the token's content is the text between the markers. */
export function commentInlineRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const src = state.src;
  if (src.charCodeAt(start) !== PERCENT || src.charCodeAt(start + 1) !== PERCENT) return false;
  if (start > 0 && src.charCodeAt(start - 1) === PERCENT) return false;
  const closer = src.indexOf('%%', start + 2);
  if (closer === -1 || closer + 2 > state.posMax) return false;
  if (!silent) {
    const token = state.push(OBSIDIAN_COMMENT, '', 0);
    token.content = src.slice(start + 2, closer);
  }
  state.pos = closer + 2;
  return true;
}
