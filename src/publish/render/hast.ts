// Tiny hast builders, so handlers read like the markup they produce.
import type { Element, ElementContent, Properties, Text } from 'hast';
import { OWN_ID_MARK } from './user-ids.js';

export function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** Add one of Almanac's own ids (a heading's, a block's) to the first element of a handler's
 * result. It is marked as Almanac's, so it keeps its name where ids from the note's HTML are
 * prefixed (user-ids.ts). */
export function withId(result: ElementContent | ElementContent[] | undefined, id: string): ElementContent | ElementContent[] | undefined {
  const first = Array.isArray(result) ? result.find((node) => node.type === 'element') : result;
  if (first?.type === 'element') first.properties = { ...first.properties, id: OWN_ID_MARK + id };
  return result;
}
