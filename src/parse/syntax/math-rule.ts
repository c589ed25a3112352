// Obsidian's rule for inline `$…$` math (Pandoc's tex_math_dollars, which Obsidian
// follows): the opening `$` has a non-space right after it, the closing `$` a non-space
// right before it and no digit right after it; `\$` is a dollar, never a delimiter. So
// `$10M`, `$5 and $10`, `$10M-$20M` and `| $38M | $1.2B |` stay text, and `$x$` is math.
// Sources (test/math-syntax.test.ts has the table of cases):
// - https://pandoc.org/chunkedhtml-demo/8.13-math.html (Extension: tex_math_dollars)
// - https://github.com/obsidianmd/obsidian-help/issues/1126 (Obsidian: no space after the
//   opening `$`, none before the closing one, no digit after it)
// - https://forum.obsidian.md/t/inline-math-allow-white-spaces-before-closing-dollar-signs/63551
//
// The micromark construct (math.ts) applies the rule to the text micromark gives it; this
// file applies it to raw Markdown, for the fast path's refusal (fast/eligible.ts).

export const DOLLAR = 36;
export const BACKSLASH = 92;

/** Space, tab, or a line ending: what may not follow an opening `$` or precede a closing one. */
export function isMathSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Whether a math span can form anywhere in the Markdown, read as raw text: a superset of
 * what the parser finds (code, tables and containers are not told apart, so `` `$x$` ``
 * counts), never a subset. Any `$$` counts (display math, inline or as a block); inline
 * `$…$` is looked for in each run of lines between blank lines, which no paragraph crosses.
 * Only the first opener of a run matters: a closer for a later opener would close it too
 * (a closer depends only on its own neighbours), so when the first finds none, none does.
 */
export function mathCanForm(markdown: string): boolean {
  if (!markdown.includes('$')) return false;
  if (markdown.includes('$$')) return true;
  for (const run of markdown.split(/\n[ \t]*\n/)) if (run.includes('$') && runHasInlineMath(run)) return true;
  return false;
}

function runHasInlineMath(text: string): boolean {
  let index = 0;
  // Outside math a backslash escapes only ASCII punctuation (CommonMark's character escape).
  while (index < text.length) {
    const char = text[index];
    if (char === '\\' && ASCII_PUNCTUATION.test(text[index + 1] ?? '')) {
      index += 2;
      continue;
    }
    if (char === '$' && !isMathSpace(text[index + 1]) && index + 1 < text.length) return closerAfter(text, index + 1);
    index++;
  }
  return false;
}

/** Whether a closing `$` follows `start` (the first character inside the math). */
function closerAfter(text: string, start: number): boolean {
  let index = start;
  while (index < text.length) {
    const char = text[index];
    // Inside math a backslash takes the next character with it (`\$` is TeX's dollar).
    if (char === '\\') {
      index += text[index + 1] === '\n' ? 1 : 2;
      continue;
    }
    if (char === '$' && index > start && !isMathSpace(text[index - 1]) && !isDigit(text[index + 1])) return true;
    index++;
  }
  return false;
}
