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
// The micromark construct (math.ts) applies the rule to the text micromark gives it, the
// fast path's markdown-it rule (fast/math.ts) to the inline content markdown-it gives it.

export const DOLLAR = 36;
export const BACKSLASH = 92;

/** Space, tab, or a line ending: what may not follow an opening `$` or precede a closing one. */
export function isMathSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
