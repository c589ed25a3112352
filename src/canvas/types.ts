// A .canvas file as the later stages read it: plain data, every card with its place in the
// JSON text, and its links as LinkRefs placed where `check` reports them.
import type { Root } from 'mdast';
import type { LinkRef, Place } from '../parse/types.js';
import type { EdgeData, FileNodeData, GroupNodeData, LinkNodeData, TextNodeData } from './schema.js';

/** Line of the node's object in the JSON, and of the value that matters (`text`, `file`, `url`, `label`). */
interface Placed {
  line: number;
  value: Place;
}

export type CanvasTextNode = TextNodeData & Placed & { tree: Root };
export type CanvasFileNode = FileNodeData & Placed;
export type CanvasLinkNode = LinkNodeData & Placed;
export type CanvasGroupNode = GroupNodeData & Placed;
export type CanvasNode = CanvasTextNode | CanvasFileNode | CanvasLinkNode | CanvasGroupNode;
export type CanvasEdge = EdgeData & { line: number };

export interface CanvasIssue extends Place {
  rule: 'invalid-canvas';
  message: string;
}

/** Where a link of `links` was written: the node, and its place inside a text node's Markdown (null for a file node). */
export interface CanvasLinkPlace {
  node: string;
  inText: Place | null;
}

export interface ParsedCanvas {
  /** Vault-relative, forward slashes: `Boards/Plan.canvas`. */
  path: string;
  /** File name without `.canvas`: the page's title. */
  title: string;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Wikilinks and Markdown links of text nodes, and file nodes as embeds, at their JSON lines. */
  links: LinkRef[];
  /** Parallel to `links`. */
  linkPlaces: CanvasLinkPlace[];
  issues: CanvasIssue[];
  /** Set when the file is not JSON Canvas at all (nothing of it renders). */
  invalid: string | null;
}
