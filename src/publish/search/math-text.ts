// Search reads a page's HTML (page-text.ts); for math that HTML is KaTeX's: glyphs laid out
// in spans for the eye, MathML for assistive technology, and the TeX in an annotation.
// Search indexes and quotes the TeX as written (`e^{i\pi}`, not `eiπe^{i\pi}eiπ`).
const HIDDEN = '<span class="katex-html" aria-hidden="true">';
const MATHML = /<math\b[^>]*>[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>[\s\S]*?<\/math>/g;
const SPAN = /<span\b|<\/span>/g;

/** The HTML with each KaTeX formula reduced to its TeX (still HTML-escaped). */
export function mathAsTex(html: string): string {
  if (!html.includes('<span class="katex')) return html;
  let out = html.replace(MATHML, (_whole, tex: string) => tex);
  let at = out.indexOf(HIDDEN);
  while (at !== -1) {
    out = out.slice(0, at) + out.slice(spanEnd(out, at));
    at = out.indexOf(HIDDEN, at);
  }
  return out;
}

/** Where the span opening at `start` ends (after its `</span>`), counting nested spans. */
function spanEnd(html: string, start: number): number {
  let depth = 0;
  SPAN.lastIndex = start;
  for (let match = SPAN.exec(html); match; match = SPAN.exec(html)) {
    depth += match[0] === '</span>' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}
