// Where each node and edge of a .canvas file sits in its JSON text: JSON.parse gives values,
// not lines, and `check` reports a card's broken link at the line of its `text` or `file`.
// One pass over the characters, no recursion (a hostile file may nest arrays a million deep):
// it follows only the top-level object's `nodes` and `edges` arrays and, in each of their
// objects, the place of each key's value.
import type { Place } from '../parse/types.js';

export interface ItemPlace extends Place {
  /** Key of the item's object → where its value starts. */
  keys: Map<string, Place>;
}

export interface CanvasPlaces {
  nodes: ItemPlace[];
  edges: ItemPlace[];
}

interface Frame {
  kind: 'object' | 'array';
  /** The key this container is the value of (in its parent object). */
  key: string | null;
  /** Expecting a key next (objects only). */
  wantKey: boolean;
  /** The last key read in this object. */
  lastKey: string | null;
}

export function canvasPlaces(source: string): CanvasPlaces {
  const places: CanvasPlaces = { nodes: [], edges: [] };
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  let item: ItemPlace | null = null;
  const here = (index: number): Place => ({ line, column: index - lineStart + 1 });
  /** The array of items (`nodes` or `edges`) the innermost container sits directly in, if any. */
  const itemList = (depth: number): ItemPlace[] | null => {
    const top = stack[0];
    const list = stack[1];
    if (depth !== 2 || top?.kind !== 'object' || list?.kind !== 'array') return null;
    return list.key === 'nodes' ? places.nodes : list.key === 'edges' ? places.edges : null;
  };
  const valueStarts = (index: number): void => {
    const frame = stack[stack.length - 1];
    if (frame?.kind === 'object' && stack.length === 3 && item && frame.lastKey !== null && !item.keys.has(frame.lastKey))
      item.keys.set(frame.lastKey, here(index));
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\n') {
      line++;
      lineStart = index + 1;
      continue;
    }
    const frame = stack[stack.length - 1];
    if (char === '"') {
      const start = index;
      let value = '';
      for (index++; index < source.length && source[index] !== '"'; index++) {
        if (source[index] === '\\') index++;
        else if (source[index] === '\n') break;
        else if (value.length < 64) value += source[index];
      }
      if (frame?.kind === 'object' && frame.wantKey) {
        frame.lastKey = value;
        frame.wantKey = false;
      } else valueStarts(start);
      continue;
    }
    if (char === '{' || char === '[') {
      valueStarts(index);
      const key = frame?.kind === 'object' ? frame.lastKey : null;
      const list = char === '{' ? itemList(stack.length) : null;
      stack.push({ kind: char === '{' ? 'object' : 'array', key, wantKey: char === '{', lastKey: null });
      if (list) {
        item = { ...here(index), keys: new Map() };
        list.push(item);
      }
      continue;
    }
    if (char === '}' || char === ']') {
      stack.pop();
      if (stack.length === 2) item = null;
      continue;
    }
    if (char === ',') {
      if (frame?.kind === 'object') frame.wantKey = true;
      continue;
    }
    if (char === ':' || char === ' ' || char === '\t' || char === '\r') continue;
    // A number, true, false or null starts here.
    if (frame?.kind === 'object' && !frame.wantKey) {
      valueStarts(index);
      while (index + 1 < source.length && !/[,}\]\s]/.test(source[index + 1] ?? '')) index++;
    }
  }
  return places;
}

/** The line and column of a JSON.parse error, from the position its message gives. */
export function jsonErrorPlace(source: string, error: unknown): Place {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? source.length : Math.min(Number(position), source.length);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
