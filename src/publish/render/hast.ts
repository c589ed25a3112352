// Tiny hast builders, so handlers read like the markup they produce.
import type { Element, ElementContent, Properties, Text } from 'hast';

export function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** Add an id to the first element of a handler's result. */
export function withId(result: ElementContent | ElementContent[] | undefined, id: string): ElementContent | ElementContent[] | undefined {
  const first = Array.isArray(result) ? result.find((node) => node.type === 'element') : result;
  if (first?.type === 'element') first.properties = { ...first.properties, id };
  return result;
}
