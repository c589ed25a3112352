// Where things go on a canvas page: the board's bounds around every node, and each edge as a
// cubic Bézier from a side of one node to a side of the other, as Obsidian draws them (the
// side given by `fromSide`/`toSide`, else the side facing the other node; control points pulled
// straight out of each side). Numbers only: nothing from the file reaches the markup as text.
import type { CanvasSide } from '../../canvas/schema.js';
import type { CanvasEdge, CanvasNode } from '../../canvas/types.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space around the outermost nodes. */
export const PADDING = 40;

/** The smallest box holding every node, padded; the board's origin is its top left corner. */
export function boardBounds(nodes: readonly Box[]): Box {
  if (nodes.length === 0) return { x: 0, y: 0, width: 2 * PADDING, height: 2 * PADDING };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    left = Math.min(left, node.x);
    top = Math.min(top, node.y);
    right = Math.max(right, node.x + node.width);
    bottom = Math.max(bottom, node.y + node.height);
  }
  return { x: left - PADDING, y: top - PADDING, width: right - left + 2 * PADDING, height: bottom - top + 2 * PADDING };
}

interface Point {
  x: number;
  y: number;
}

const OUT: Record<CanvasSide, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };

function anchor(box: Box, side: CanvasSide): Point {
  switch (side) {
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
  }
}

/** The side of `from` that faces `to`'s centre. */
function facing(from: Box, to: Box): CanvasSide {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'bottom' : 'top';
}

export interface EdgePath {
  /** SVG path data, in board coordinates. */
  d: string;
  /** Where its label goes (the curve's midpoint). */
  middle: Point;
  /** Arrowheads at the end and at the start, as SVG polygon points (drawn when the edge has them). */
  endArrow: string;
  startArrow: string;
}

const ARROW_LENGTH = 12;
const ARROW_HALF_WIDTH = 6;

/** A triangle with its tip at `tip`, pointing away from `from`. */
function arrow(tip: Point, from: Point, origin: Point): string {
  const length = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const base = { x: tip.x - ux * ARROW_LENGTH, y: tip.y - uy * ARROW_LENGTH };
  const corners = [
    tip,
    { x: base.x - uy * ARROW_HALF_WIDTH, y: base.y + ux * ARROW_HALF_WIDTH },
    { x: base.x + uy * ARROW_HALF_WIDTH, y: base.y - ux * ARROW_HALF_WIDTH },
  ];
  return corners.map((point) => `${round(point.x - origin.x)},${round(point.y - origin.y)}`).join(' ');
}

/** The edge's curve, with every point moved by `origin` (the board's top left corner). */
export function edgePath(edge: CanvasEdge, from: CanvasNode, to: CanvasNode, origin: Point): EdgePath {
  const fromSide = edge.fromSide ?? facing(from, to);
  const toSide = edge.toSide ?? facing(to, from);
  const start = anchor(from, fromSide);
  const end = anchor(to, toSide);
  const pull = Math.max(40, Math.min(300, Math.hypot(end.x - start.x, end.y - start.y) / 2));
  const c1 = { x: start.x + OUT[fromSide].x * pull, y: start.y + OUT[fromSide].y * pull };
  const c2 = { x: end.x + OUT[toSide].x * pull, y: end.y + OUT[toSide].y * pull };
  const at = (point: Point): string => `${round(point.x - origin.x)} ${round(point.y - origin.y)}`;
  // The cubic's point at t = 1/2.
  const middle = {
    x: (start.x + 3 * c1.x + 3 * c2.x + end.x) / 8 - origin.x,
    y: (start.y + 3 * c1.y + 3 * c2.y + end.y) / 8 - origin.y,
  };
  return {
    d: `M ${at(start)} C ${at(c1)}, ${at(c2)}, ${at(end)}`,
    middle: { x: round(middle.x), y: round(middle.y) },
    endArrow: arrow(end, c2, origin),
    startArrow: arrow(start, c1, origin),
  };
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
