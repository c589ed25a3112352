// parseCanvas: a .canvas file's text in, its plain-data form out. Never throws on bad input:
// a file that is not JSON Canvas is `invalid` (its page says so, `check` reports it at the
// line JSON.parse stopped), and a node or edge that breaks the spec is reported at its line and
// left out. Text nodes are Markdown, parsed by Almanac's own parser, so their links resolve
// and are checked like a note's.
import type { Root } from 'mdast';
import { extractFacts } from '../parse/extract.js';
import { splitTarget } from '../parse/link-target.js';
import { ParseError, placeholderTree } from '../parse/nesting.js';
import { parseMarkdown } from '../parse/processor.js';
import type { LinkRef, Place } from '../parse/types.js';
import { canvasPlaces, jsonErrorPlace, type ItemPlace } from './places.js';
import { canvasSchema, edgeSchema, MAX_ITEMS, nodeSchema, zodProblem } from './schema.js';
import type { CanvasEdge, CanvasIssue, CanvasLinkPlace, CanvasNode, ParsedCanvas } from './types.js';

export const CANVAS_FILE = /\.canvas$/i;

export function canvasTitle(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(CANVAS_FILE, '');
}

export function parseCanvas(path: string, source: string): ParsedCanvas {
  const canvas: ParsedCanvas = { path, title: canvasTitle(path), nodes: [], edges: [], links: [], linkPlaces: [], issues: [], invalid: null };
  const text = source.replace(/^\uFEFF/, '');
  // Obsidian writes an empty file for a new canvas.
  if (text.trim() === '') return canvas;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return invalid(canvas, jsonErrorPlace(text, error), `Not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const shape = canvasSchema.safeParse(data);
  if (!shape.success)
    return invalid(canvas, { line: 1, column: 1 }, `Not JSON Canvas: ${Array.isArray(data) ? 'the file is a list, not an object' : zodProblem(shape.error)}`);
  const places = canvasPlaces(text);
  readNodes(canvas, shape.data.nodes ?? [], places.nodes);
  readEdges(canvas, shape.data.edges ?? [], places.edges);
  return canvas;
}

function invalid(canvas: ParsedCanvas, place: Place, message: string): ParsedCanvas {
  canvas.invalid = message;
  canvas.issues.push({ rule: 'invalid-canvas', ...place, message });
  return canvas;
}

function issue(canvas: ParsedCanvas, place: Place, message: string): void {
  canvas.issues.push({ rule: 'invalid-canvas', line: place.line, column: place.column, message });
}

function readNodes(canvas: ParsedCanvas, items: unknown[], places: ItemPlace[]): void {
  const seen = new Set<string>();
  if (items.length > MAX_ITEMS) issue(canvas, places[MAX_ITEMS] ?? { line: 1, column: 1 }, `Over ${MAX_ITEMS} nodes: the rest are left out`);
  for (const [index, item] of items.slice(0, MAX_ITEMS).entries()) {
    const place = places[index] ?? { line: 1, column: 1, keys: new Map<string, Place>() };
    const parsed = nodeSchema.safeParse(item);
    if (!parsed.success) {
      issue(canvas, place, `Node ${index + 1} is left out: ${zodProblem(parsed.error)}`);
      continue;
    }
    const node = parsed.data;
    if (seen.has(node.id)) {
      issue(canvas, place, `Node id “${node.id}” is used twice: the second is left out`);
      continue;
    }
    seen.add(node.id);
    const valueKey = node.type === 'group' ? 'label' : node.type;
    const value = place.keys.get(valueKey) ?? { line: place.line, column: place.column };
    const placed = { line: place.line, value };
    if (node.type === 'text') {
      const tree = textTree(canvas, node.id, node.text, value);
      canvas.nodes.push({ ...node, ...placed, tree });
    } else {
      canvas.nodes.push({ ...node, ...placed } as CanvasNode);
      if (node.type === 'file') fileLink(canvas, node.id, node.file, node.subpath, value);
    }
  }
}

/** A text node's Markdown, parsed; its links join the canvas's at the line of its `text`. */
function textTree(canvas: ParsedCanvas, id: string, text: string, value: Place): Root {
  let tree: Root;
  let links: LinkRef[];
  try {
    tree = parseMarkdown(text);
    links = extractFacts(tree, text, 1).links;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issue(canvas, value, `Card “${id}” could not be parsed (${message})`);
    tree = placeholderTree(new ParseError(`This card could not be parsed (${message})`, 1));
    links = [];
  }
  for (const link of links) {
    canvas.links.push({ ...link, line: value.line, column: value.column });
    canvas.linkPlaces.push({ node: id, inText: { line: link.line, column: link.column } } satisfies CanvasLinkPlace);
  }
  return tree;
}

/** A file node is an embed of its file (`subpath`: `#Heading` or `#^block`). */
function fileLink(canvas: ParsedCanvas, id: string, file: string, subpath: string | undefined, value: Place): void {
  const sub = subpath?.startsWith('#') ? subpath : '';
  const split = splitTarget(`${file}${sub}`);
  canvas.links.push({
    kind: 'embed',
    target: `${file}${sub}`,
    path: file,
    subpath: split.path === file ? split.subpath : null,
    display: null,
    context: '',
    line: value.line,
    column: value.column,
  });
  canvas.linkPlaces.push({ node: id, inText: null });
}

function readEdges(canvas: ParsedCanvas, items: unknown[], places: ItemPlace[]): void {
  const ids = new Set(canvas.nodes.map((node) => node.id));
  const seen = new Set<string>();
  if (items.length > MAX_ITEMS) issue(canvas, places[MAX_ITEMS] ?? { line: 1, column: 1 }, `Over ${MAX_ITEMS} edges: the rest are left out`);
  for (const [index, item] of items.slice(0, MAX_ITEMS).entries()) {
    const place = places[index] ?? { line: 1, column: 1 };
    const parsed = edgeSchema.safeParse(item);
    if (!parsed.success) {
      issue(canvas, place, `Edge ${index + 1} is left out: ${zodProblem(parsed.error)}`);
      continue;
    }
    const edge = parsed.data;
    const missing = [edge.fromNode, edge.toNode].find((id) => !ids.has(id));
    if (missing !== undefined) {
      issue(canvas, place, `Edge “${edge.id}” is left out: no node “${missing}”`);
      continue;
    }
    if (seen.has(edge.id)) {
      issue(canvas, place, `Edge id “${edge.id}” is used twice: the second is left out`);
      continue;
    }
    seen.add(edge.id);
    canvas.edges.push({ ...edge, line: place.line } satisfies CanvasEdge);
  }
}

/** Canvases by vault path (sorted), from the text files the vault scan read. */
export function parseCanvases(texts: ReadonlyArray<{ path: string; source: string }> | undefined): ParsedCanvas[] {
  return (texts ?? []).filter((file) => CANVAS_FILE.test(file.path)).map((file) => parseCanvas(file.path, file.source));
}

export type { CanvasIssue };
