// Math at build time: KaTeX turns the TeX of `$…$` and `$$…$$` into HTML (for the page's
// look, with KaTeX's stylesheet) and MathML (for assistive technology), no client script.
// Options: htmlAndMathml; displayMode for `$$`; throwOnError, so TeX KaTeX rejects shows its
// source and an `invalid-math` warning instead of red text; trust false (no \href, \url,
// \htmlClass, \includegraphics: they render as unsupported commands); strict 'ignore' (the
// LaTeX-isms Obsidian's MathJax accepts); maxExpand and maxSize bounded, so a `\def` that
// expands forever stops and `\rule{1e9em}` stays small. Its output goes through its own
// schema (schema.ts) and reaches the page as a trusted fragment (trusted.ts).
import katex from 'katex';
import type { ElementContent } from 'hast';
import type { Point } from 'unist';
import { el, text } from '../hast.js';
import { KATEX_SCHEMA, katexStyleAllowed } from './schema.js';
import type { RenderScope } from '../scope.js';
import { sanitizeFragment, trustedFragmentsOf } from '../trusted.js';

export type MathResult = { ok: true; html: string } | { ok: false; message: string };

/** Macro expansions per formula (KaTeX's default is 1000) and the largest size in em. */
export const MAX_EXPAND = 1000;
export const MAX_SIZE = 50;
/** Formulas kept per process (a vault repeats its notation; the oldest go first). */
const CACHE_LIMIT = 5000;

const cache = new Map<string, MathResult>();

/** KaTeX's sanitized HTML for `tex`, or why KaTeX refused it. Cached by (tex, display). */
export function renderTex(tex: string, display: boolean): MathResult {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = cache.get(key);
  if (known) return known;
  const result = typeset(tex, display);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, result);
  return result;
}

function typeset(tex: string, display: boolean): MathResult {
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode: display,
      output: 'htmlAndMathml',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: MAX_EXPAND,
      maxSize: MAX_SIZE,
    });
  } catch (error) {
    const message = error instanceof katex.ParseError ? error.rawMessage : error instanceof Error ? error.message : String(error);
    return { ok: false, message };
  }
  return { ok: true, html: sanitizeFragment(html, KATEX_SCHEMA, katexStyleAllowed) };
}

/**
 * A math node's HTML: KaTeX's, as a trusted fragment in a `span.math` (or `div.math` for a
 * block); TeX KaTeX refuses (or any render that cannot splice fragments) as its source in
 * `<code class="math-error">`, with an `invalid-math` warning at the node's line.
 */
export function mathElement(scope: RenderScope, tex: string, display: boolean, block: boolean, at: Point | undefined): ElementContent {
  const className = ['math', display ? 'math-display' : 'math-inline'];
  const trusted = trustedFragmentsOf(scope.features);
  const result = renderTex(tex, display);
  if (result.ok && trusted) {
    scope.features.add('math');
    return el(block ? 'div' : 'span', { className }, [trusted.slot(result.html)]);
  }
  if (!result.ok && scope.warnings && at) {
    scope.warnings.push({
      file: scope.note.note.path,
      line: at.line + scope.note.note.bodyLine - 1,
      column: at.column,
      rule: 'invalid-math',
      message: `KaTeX cannot render this math: ${result.message}`,
    });
  }
  const source = el('code', { className: ['math-error'] }, [text(tex)]);
  return block ? el('div', { className }, [el('pre', {}, [source])]) : el('span', { className }, [source]);
}
