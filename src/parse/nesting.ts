// How deep a note may nest. Parsers and tree walkers recurse once per level, so a few KB
// of `- - - - …` or `<div><div>…` overflow the stack (or, for deeply indented lists, take
// minutes in micromark). Like markdown-it's `maxNesting`, Almanac refuses a note past a
// fixed depth: the note gets a `parse-error` problem and a placeholder page, and the rest
// of the vault is read as usual.
import type { Nodes, Root } from 'mdast';

/** Container levels (list items, block quotes) one line may open, counting its indentation. */
export const MAX_NESTING = 100;
/** Nested raw HTML elements. */
export const MAX_HTML_NESTING = 100;
/** Nodes nested in the parsed tree (a list level is two: list and item; emphasis one). */
export const MAX_TREE_DEPTH = 400;

/** A note Almanac refuses to parse or render, and where. */
export class ParseError extends Error {
  constructor(
    message: string,
    /** Line in the Markdown given (1-based). */
    readonly line: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

declare module 'mdast' {
  interface Data {
    /** Set on the placeholder that stands for a note that could not be parsed. */
    parseError?: { line: number; message: string };
  }
}

/** Throws a ParseError when a line of `markdown` opens more than MAX_NESTING containers.
 * Cheap (one pass over the text), so it runs before parsing: a deeply indented list is
 * slow to parse long before it is deep enough to overflow. */
export function checkSourceNesting(markdown: string): void {
  let fence: string | null = null;
  let line = 0;
  for (let start = 0; start <= markdown.length; ) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    line++;
    const text = markdown.slice(start, end);
    const marker = FENCE.exec(text)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
    } else if (fence === null) {
      const depth = containerDepth(text);
      if (depth > MAX_NESTING)
        throw new ParseError(`Nesting is ${depth} levels deep on this line; Almanac reads at most ${MAX_NESTING} nested lists and quotes`, line);
    }
    start = end + 1;
  }
}

const FENCE = /^[ \t>*+\-\d.)]*?(`{3,}|~{3,})/;

/** List markers and `>` at the start of a line, plus one level per two columns of indentation. */
function containerDepth(text: string): number {
  let index = 0;
  let columns = 0;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) {
    columns += text[index] === '\t' ? 4 : 1;
    index++;
  }
  let markers = 0;
  for (;;) {
    while (text[index] === ' ' || text[index] === '\t') index++;
    const char = text[index];
    if (char === '>') {
      markers++;
      index++;
      continue;
    }
    if ((char === '-' || char === '*' || char === '+') && isBlank(text, index + 1)) {
      markers++;
      index++;
      continue;
    }
    let digits = index;
    while (digits < text.length && digits - index < 9 && isDigit(text.charCodeAt(digits))) digits++;
    if (digits > index && (text[digits] === '.' || text[digits] === ')') && isBlank(text, digits + 1)) {
      markers++;
      index = digits + 1;
      continue;
    }
    return markers + Math.floor(columns / 2);
  }
}

function isBlank(text: string, index: number): boolean {
  return index >= text.length || text[index] === ' ' || text[index] === '\t';
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Throws a ParseError when the tree nests deeper than MAX_TREE_DEPTH nodes or its raw HTML
 * nests more than MAX_HTML_NESTING elements. Walks without recursion. */
export function checkTreeNesting(tree: Root): void {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  const html: Nodes[] = [];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const { node, depth } = top;
    if (depth > MAX_TREE_DEPTH)
      throw new ParseError(`The note nests more than ${MAX_TREE_DEPTH} elements deep (lists, quotes, emphasis, links)`, node.position?.start.line ?? 1);
    if (node.type === 'html') html.push(node);
    if ('children' in node)
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index];
        if (child) stack.push({ node: child, depth: depth + 1 });
      }
  }
  checkHtmlNesting(html);
}

// No `<` inside a tag: every scan stops at the next `<`, so the pass stays linear.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[^<>"']|"[^<"]*"|'[^<']*')*?(\/?)>/g;
/** Elements that never hold others, and elements the HTML parser closes by itself when a sibling opens. */
const FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'keygen',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'rtc',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
]);

/** Open elements across the raw HTML of a note, in document order (an element may open in one
 * HTML node and close in another). */
function checkHtmlNesting(nodes: Nodes[]): void {
  let depth = 0;
  for (const node of nodes) {
    if (node.type !== 'html') continue;
    for (const match of node.value.matchAll(TAG)) {
      const [, closing, name = '', selfClosing] = match;
      if (FLAT.has(name.toLowerCase())) continue;
      if (closing) depth = Math.max(0, depth - 1);
      else if (!selfClosing) depth++;
      if (depth > MAX_HTML_NESTING) throw new ParseError(`Raw HTML nests more than ${MAX_HTML_NESTING} elements deep`, node.position?.start.line ?? 1);
    }
  }
}

/** The tree of a note that could not be parsed: one paragraph saying so, rendered as a notice. */
export function placeholderTree(error: ParseError): Root {
  return {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        data: { hName: 'div', hProperties: { className: ['parse-error'] }, parseError: { line: error.line, message: error.message } },
        children: [{ type: 'text', value: `This note could not be rendered: ${error.message} (line ${error.line}).` }],
      },
    ],
  };
}
