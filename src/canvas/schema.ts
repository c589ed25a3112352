// JSON Canvas 1.0 (https://jsoncanvas.org/spec/1.0/), validated at the edge with zod. What a
// file says is checked node by node and edge by edge: one bad card is reported and left out,
// the rest of the board still renders. Numbers must be finite and within a board a browser
// can lay out; colours are a preset ("1"–"6") or a hex colour, nothing else reaches CSS.
import { z } from 'zod';

/** Furthest a card may sit from the origin, and its largest side, in canvas pixels. */
export const MAX_COORDINATE = 1_000_000;
export const MAX_SIDE = 100_000;
/** Most nodes and edges read from one file; the rest are reported once and left out. */
export const MAX_ITEMS = 5_000;

const coordinate = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const side = z.number().finite().min(0).max(MAX_SIDE);

/** A preset colour ("1" red … "6" purple) or `#rgb` / `#rrggbb`. */
export const colorSchema = z.string().regex(/^(?:[1-6]|#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})$/, 'a colour is "1" to "6" or a hex colour such as "#ff8800"');

const base = {
  id: z.string().min(1).max(200),
  x: coordinate,
  y: coordinate,
  width: side,
  height: side,
  color: colorSchema.optional(),
};

export const nodeSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), text: z.string() }),
  z.object({ ...base, type: z.literal('file'), file: z.string().min(1), subpath: z.string().optional() }),
  z.object({ ...base, type: z.literal('link'), url: z.string() }),
  z.object({
    ...base,
    type: z.literal('group'),
    label: z.string().optional(),
    background: z.string().optional(),
    backgroundStyle: z.enum(['cover', 'ratio', 'repeat']).optional(),
  }),
]);

const sideSchema = z.enum(['top', 'right', 'bottom', 'left']);
const endSchema = z.enum(['none', 'arrow']);

export const edgeSchema = z.object({
  id: z.string().min(1).max(200),
  fromNode: z.string(),
  fromSide: sideSchema.optional(),
  fromEnd: endSchema.optional(),
  toNode: z.string(),
  toSide: sideSchema.optional(),
  toEnd: endSchema.optional(),
  color: colorSchema.optional(),
  label: z.string().optional(),
});

export const canvasSchema = z.object({
  nodes: z.array(z.unknown()).optional(),
  edges: z.array(z.unknown()).optional(),
});

export type CanvasSide = z.infer<typeof sideSchema>;
type NodeData = z.infer<typeof nodeSchema>;
export type EdgeData = z.infer<typeof edgeSchema>;
export type TextNodeData = Extract<NodeData, { type: 'text' }>;
export type FileNodeData = Extract<NodeData, { type: 'file' }>;
export type LinkNodeData = Extract<NodeData, { type: 'link' }>;
export type GroupNodeData = Extract<NodeData, { type: 'group' }>;
export type { NodeData };

/** The first thing zod found wrong, in a sentence. */
export function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match JSON Canvas 1.0';
  const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
  return `${where}${issue.message}`;
}
