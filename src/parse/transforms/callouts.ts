// `> [!type]± Title` blockquotes become `callout` nodes (nested ones too).
import type { Root, PhrasingContent, Blockquote, Paragraph } from 'mdast';
import type { Callout, CalloutFold } from '../mdast.js';

const MARKER = /^\[!([^\]\s]+)\]([+-])?[ \t]*/;

/** Nodes that hold only phrasing content (or none): no blockquote is ever inside them. */
const NO_QUOTES = new Set(['paragraph', 'heading', 'table', 'tableRow', 'tableCell', 'code', 'html', 'math', 'yaml']);

type Parent = { children: unknown[] };

export function transformCallouts(tree: Root): void {
  walk(tree);
}

/** Every blockquote, outermost first, nested ones in a callout's children too (one walk of the block structure). */
function walk(parent: Parent): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    let child = children[index] as { type: string; children?: unknown[] };
    if (child.type === 'blockquote') {
      const callout = toCallout(child as Blockquote);
      if (callout) {
        children[index] = callout;
        child = callout;
      }
    }
    if (Array.isArray(child.children) && !NO_QUOTES.has(child.type)) walk(child as Parent);
  }
}

/** The callout a blockquote is (its `[!type]` marker read), or undefined for a plain quote. */
export function toCallout(quote: Blockquote): Callout | undefined {
  const [first, ...rest] = quote.children;
  if (first?.type !== 'paragraph') return undefined;
  const lead = first.children[0];
  if (lead?.type !== 'text') return undefined;
  const match = MARKER.exec(lead.value);
  if (!match || match[1] === undefined) return undefined;
  const fold: CalloutFold = match[2] === '+' || match[2] === '-' ? match[2] : null;
  const afterMarker: PhrasingContent[] = [{ ...lead, value: lead.value.slice(match[0].length) }, ...first.children.slice(1)];
  const { title, body } = splitFirstLine(afterMarker);
  const bodyParagraph: Paragraph[] = body.length > 0 ? [{ type: 'paragraph', children: body }] : [];
  return {
    type: 'callout',
    calloutType: match[1].toLowerCase(),
    fold,
    title,
    children: [...bodyParagraph, ...rest],
    position: quote.position,
    data: quote.data,
  };
}

/** Split phrasing content at its first line ending (a newline in text or a hard break). */
function splitFirstLine(nodes: PhrasingContent[]): { title: PhrasingContent[]; body: PhrasingContent[] } {
  const title: PhrasingContent[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    if (!node) continue;
    if (node.type === 'break') return { title, body: nodes.slice(index + 1) };
    if (node.type === 'text') {
      const newline = node.value.indexOf('\n');
      if (newline !== -1) {
        const head = node.value.slice(0, newline);
        const tail = node.value.slice(newline + 1);
        if (head) title.push({ type: 'text', value: head });
        const body = tail ? [{ type: 'text' as const, value: tail }, ...nodes.slice(index + 1)] : nodes.slice(index + 1);
        return { title, body };
      }
    }
    if (!(node.type === 'text' && node.value === '')) title.push(node);
  }
  return { title, body: [] };
}
