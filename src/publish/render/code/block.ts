// Fenced code: ```mermaid becomes a diagram container (its source as text, which the
// Mermaid loader draws and which stays when JavaScript is off or the diagram is invalid);
// a language Shiki knows is highlighted at build time (highlight.ts); any other block stays
// `<pre><code class="language-x">` as mdast-util-to-hast makes it.
import type { Element, ElementContent } from 'hast';
import type { Code } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { el, text } from '../hast.js';
import { highlightCode, type CodeToken } from './highlight.js';
import type { RenderScope } from '../scope.js';

/** The fence's language: its info string's first word, as mdast-util-to-hast reads it. */
function fenceLanguage(node: Code): string | null {
  const first = node.lang?.split(/\s+/)[0];
  return first ? first : null;
}

export function codeBlock(scope: RenderScope, state: State, node: Code): ElementContent {
  const lang = fenceLanguage(node);
  if (lang?.toLowerCase() === 'mermaid') {
    scope.features.add('mermaid');
    return el('pre', { className: ['mermaid'] }, [text(node.value)]);
  }
  const lines = lang ? highlightCode(lang, node.value) : null;
  if (!lang || !lines) return defaultHandlers.code(state, node);
  scope.features.add('code');
  return el('pre', { className: ['shiki'] }, [el('code', { className: [`language-${lang}`] }, codeLines(lines))]);
}

/** Lines as Shiki lays them out: a `<span class="line">` each, joined by newlines, ending with one. */
function codeLines(lines: CodeToken[][]): ElementContent[] {
  const out: ElementContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push(text('\n'));
    out.push(el('span', { className: ['line'] }, line.map(tokenNode)));
  });
  out.push(text('\n'));
  return out;
}

function tokenNode(token: CodeToken): Element | ElementContent {
  return token.classes.length === 0 ? text(token.text) : el('span', { className: [...token.classes] }, [text(token.text)]);
}
