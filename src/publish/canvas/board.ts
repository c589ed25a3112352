// A canvas as static HTML: a board the size of the canvas, every node absolutely positioned
// at its place (groups first, behind the cards), and the edges as one SVG under the cards,
// each a path with an arrow marker at the ends that have one (`toEnd` arrow and `fromEnd` none
// by default) and its label at its middle. No script is needed to see it. What reaches the
// markup from the file: numbers (positions, sizes), a preset colour as a class or a hex colour
// the schema checked (canvas/schema.ts), text as text, http(s) URLs, and card HTML that went
// through the notes' sanitizer (cards.ts).
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { CanvasEdge, CanvasGroupNode, CanvasLinkNode, CanvasNode, ParsedCanvas } from '../../canvas/types.js';
import { el, text } from '../render/hast.js';
import type { CardHtml } from './cards.js';
import { boardBounds, edgePath, round, type Box } from './geometry.js';

export interface BoardParts {
  canvas: ParsedCanvas;
  /** Rendered content of each text and file node, by node id. */
  cards: Map<string, CardHtml>;
}

export function boardHtml({ canvas, cards }: BoardParts): string {
  const bounds = boardBounds(canvas.nodes);
  const origin = { x: bounds.x, y: bounds.y };
  const groups = canvas.nodes.filter((node): node is CanvasGroupNode => node.type === 'group');
  const others = canvas.nodes.filter((node) => node.type !== 'group');
  const board = el(
    'div',
    {
      className: ['canvas-board'],
      style: `width:${round(bounds.width)}px;height:${round(bounds.height)}px`,
      dataCanvasWidth: round(bounds.width),
      dataCanvasHeight: round(bounds.height),
    },
    [
      ...groups.map((node) => nodeElement(node, origin, [groupLabel(node)])),
      edgesSvg(canvas, bounds, origin),
      ...others.map((node) => nodeElement(node, origin, nodeContent(node, cards))),
    ],
  );
  return toHtml(el('div', { className: ['canvas-scroll'], tabIndex: 0, ariaLabel: `Canvas ${canvas.title}` }, [board]), { allowDangerousHtml: true });
}

function nodeElement(node: CanvasNode, origin: { x: number; y: number }, children: ElementContent[]): Element {
  const style = `left:${round(node.x - origin.x)}px;top:${round(node.y - origin.y)}px;width:${round(node.width)}px;height:${round(node.height)}px`;
  return el(
    'div',
    { className: ['canvas-node', `canvas-node-${node.type}`, ...colorClass(node.color)], style: withColor(style, node.color), dataNodeId: node.id },
    children,
  );
}

function colorClass(color: string | undefined): string[] {
  if (color === undefined) return [];
  return color.startsWith('#') ? ['canvas-color'] : ['canvas-color', `canvas-color-${color}`];
}

/** A hex colour (validated: `#rgb` or `#rrggbb` only) as a custom property the CSS reads. */
function withColor(style: string, color: string | undefined): string {
  return color?.startsWith('#') && /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(color) ? `${style};--canvas-color:${color}` : style;
}

function groupLabel(node: CanvasGroupNode): ElementContent {
  return el('div', { className: ['canvas-group-label'] }, node.label ? [text(node.label)] : []);
}

function nodeContent(node: CanvasNode, cards: Map<string, CardHtml>): ElementContent[] {
  if (node.type === 'link') return [linkCard(node)];
  const card = cards.get(node.id);
  const html = card ? card.html : '';
  return [
    el('div', { className: ['canvas-card-content', ...(node.type === 'text' ? ['note-body'] : [])] }, [
      { type: 'raw', value: html } as unknown as ElementContent,
    ]),
  ];
}

/** A link card: the URL shown, a link only for http and https (nothing is fetched). */
function linkCard(node: CanvasLinkNode): ElementContent {
  let safe: URL | null = null;
  try {
    const url = new URL(node.url);
    safe = url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    safe = null;
  }
  if (!safe) return el('div', { className: ['canvas-link-card', 'canvas-link-unsafe'] }, [el('span', { className: ['canvas-link-url'] }, [text(node.url)])]);
  return el('div', { className: ['canvas-link-card'] }, [
    el('span', { className: ['canvas-link-host'] }, [text(safe.host)]),
    el('a', { className: ['canvas-link-url'], href: safe.href, rel: ['noopener', 'noreferrer', 'nofollow'] }, [text(node.url)]),
  ]);
}

function edgesSvg(canvas: ParsedCanvas, bounds: Box, origin: { x: number; y: number }): Element {
  const nodes = new Map(canvas.nodes.map((node) => [node.id, node]));
  const paths: ElementContent[] = [];
  for (const edge of canvas.edges) {
    const from = nodes.get(edge.fromNode);
    const to = nodes.get(edge.toNode);
    if (from && to) paths.push(edgeElement(edge, from, to, origin));
  }
  const svg = el(
    'svg',
    {
      className: ['canvas-edges'],
      width: round(bounds.width),
      height: round(bounds.height),
      viewBox: `0 0 ${round(bounds.width)} ${round(bounds.height)}`,
      ariaHidden: 'true',
    },
    paths,
  );
  return { ...svg, properties: { ...svg.properties, xmlns: 'http://www.w3.org/2000/svg' } };
}

function edgeElement(edge: CanvasEdge, from: CanvasNode, to: CanvasNode, origin: { x: number; y: number }): Element {
  const path = edgePath(edge, from, to, origin);
  const children: ElementContent[] = [el('path', { d: path.d, className: ['canvas-edge-path'] })];
  if ((edge.toEnd ?? 'arrow') === 'arrow') children.push(el('polygon', { points: path.endArrow, className: ['canvas-arrow', 'canvas-arrow-end'] }));
  if ((edge.fromEnd ?? 'none') === 'arrow') children.push(el('polygon', { points: path.startArrow, className: ['canvas-arrow', 'canvas-arrow-start'] }));
  if (edge.label) {
    children.push(
      el('text', { x: String(path.middle.x), y: String(path.middle.y), className: ['canvas-edge-label'], textAnchor: 'middle', dominantBaseline: 'middle' }, [
        text(edge.label),
      ]),
    );
  }
  const colored = edge.color === undefined ? {} : { style: withColor('', edge.color).replace(/^;/, '') || undefined };
  return el('g', { className: ['canvas-edge', ...colorClass(edge.color)], dataEdgeId: edge.id, ...colored }, children);
}
