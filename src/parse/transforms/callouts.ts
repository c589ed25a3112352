// `> [!type]± Title` blockquotes become `callout` nodes (nested ones too).
import type { Root, RootContent, PhrasingContent, Blockquote, Paragraph } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Callout, CalloutFold } from '../mdast.js';

const MARKER = /^\[!([^\]\s]+)\]([+-])?[ \t]*/;

export function transformCallouts(tree: Root): void {
  visit(tree, 'blockquote', (quote, index, parent) => {
    const callout = toCallout(quote);
    if (!callout || !parent || index === undefined) return;
    (parent.children as RootContent[])[index] = callout;
    // Visit the callout in the quote's place: its children may hold nested callouts.
    return index;
  });
}

function toCallout(quote: Blockquote): Callout | undefined {
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
