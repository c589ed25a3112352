// How the vault layer has its notes parsed. By default loadVault parses them itself (cache,
// parse pool); a caller that keeps the trees elsewhere (publish's note workers keep each tree
// in the worker that parsed it) passes a NoteParser, which the vault layer calls: the layer
// owns the interface, so nothing below publish imports from publish.
import type { ParsedNote } from '../parse/types.js';

export interface ParseItem {
  path: string;
  source: string;
}

export interface NoteParser {
  /** Parses every item; returns a note for each path (the tree may be left out). */
  parseAll(items: ParseItem[]): Promise<Map<string, ParsedNote>>;
}
