// Where a YAML document that parsed fails to become data (an alias that does not resolve,
// refers to the value holding it, or expands past the alias cap): frontmatter and
// almanac.yaml report that place, not the first line.
import { isMap, isNode, isScalar, visit, type Document } from 'yaml';

/** Offset of the first top-level key whose value fails alone, else of the first alias, else 0. */
export function failedValueOffset(doc: Document, maxAliasCount: number): number {
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      try {
        const value: unknown = isNode(pair.value) && !isScalar(pair.value) ? pair.value.toJS(doc, { maxAliasCount }) : null;
        // A circular alias makes a value that holds itself, which only serialising finds.
        JSON.stringify(value);
      } catch {
        if (isScalar(pair.key) && pair.key.range) return pair.key.range[0];
      }
    }
  }
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** The first line of a conversion error, worded for a user. */
export function conversionReason(error: unknown): string {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message).trim() : String(error);
  return /circular/i.test(reason) ? 'an alias refers to the value that holds it (circular)' : reason;
}
