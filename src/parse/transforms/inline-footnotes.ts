// `^[text]` (syntax/inline-footnote.ts) as the footnotes Markdown already has: each becomes
// a footnoteReference where it stands and a footnoteDefinition at the end of the note, so
// remark-rehype numbers them with the `[^1]` ones, by order of reference, in one section.
// Identifiers are `inline-N`, skipping any the note's own footnotes use.
import type { FootnoteDefinition, Nodes, Parents, Root } from 'mdast';

/** `source`: the note's Markdown; a note with no `^[` has no inline footnote and is not walked. */
export function expandInlineFootnotes(tree: Root, source: string): void {
  if (!source.includes('^[')) return;
  const used = new Set<string>();
  if (!collect(tree, used)) return;
  const definitions: FootnoteDefinition[] = [];
  let number = 0;
  const nextId = (): string => {
    let identifier = `inline-${++number}`;
    while (used.has(identifier)) identifier = `inline-${++number}`;
    return identifier;
  };
  replace(tree, definitions, nextId);
  tree.children.push(...definitions);
}

/** Whether the tree holds an inline footnote; fills `used` with the note's own footnote ids. */
function collect(node: Nodes, used: Set<string>): boolean {
  if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') used.add(node.identifier.toLowerCase());
  if (!('children' in node)) return false;
  let found = node.type === 'inlineFootnote';
  for (const child of node.children) if (collect(child, used)) found = true;
  return found;
}

function replace(parent: Parents, definitions: FootnoteDefinition[], nextId: () => string): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child?.type === 'inlineFootnote') {
      const identifier = nextId();
      children[index] = { type: 'footnoteReference', identifier, label: identifier, ...(child.position ? { position: child.position } : {}) };
      const paragraph = { type: 'paragraph' as const, children: child.children, ...(child.position ? { position: child.position } : {}) };
      definitions.push({
        type: 'footnoteDefinition',
        identifier,
        label: identifier,
        children: [paragraph],
        ...(child.position ? { position: child.position } : {}),
      });
      // A footnote inside this one is numbered after it, as it is read.
      replace(paragraph, definitions, nextId);
    } else if (child && 'children' in child) {
      replace(child, definitions, nextId);
    }
  }
}
