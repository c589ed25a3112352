// `![[Plan.canvas]]` in a note: a card that links to the canvas's page, with its title, how
// many cards and connections it holds and the first lines of its first cards. Not the board
// itself scaled down: a board is laid out for a wide screen, and at a note column's width its
// text is unreadable; and its markup (positions in `style`, SVG edges) would need the note
// sanitizer to let `style` and SVG through in every note. The card is made of spans (display:
// block in CSS) so it may sit inside a paragraph like any file embed.
import type { ElementContent } from 'hast';
import { el, text } from '../render/hast.js';
import type { CanvasTarget } from '../render/scope.js';

/** `5 cards · 3 connections`, as the embed card and the canvas's page say it. */
export function canvasCounts(cards: number, edges: number): string {
  const connections = edges > 0 ? ` · ${edges} ${edges === 1 ? 'connection' : 'connections'}` : '';
  return `${cards} ${cards === 1 ? 'card' : 'cards'}${connections}`;
}

export function canvasEmbed(canvas: CanvasTarget, display: string | null): ElementContent {
  const counts = canvas.invalid ? 'Canvas that could not be read' : `Canvas · ${canvasCounts(canvas.cards, canvas.edges)}`;
  const children: ElementContent[] = [
    el('a', { className: ['internal', 'embed-canvas-title'], href: canvas.url }, [text(display ?? canvas.title)]),
    el('span', { className: ['embed-canvas-meta'] }, [text(counts)]),
  ];
  if (canvas.excerpt.length > 0) {
    children.push(
      el(
        'span',
        { className: ['embed-canvas-cards'] },
        canvas.excerpt.map((line) => el('span', { className: ['embed-canvas-card'] }, [text(line)])),
      ),
    );
  }
  return el('span', { className: ['embed', 'embed-canvas'] }, children);
}

/** A wikilink or Markdown link to a canvas: a link to its page. */
export function canvasLink(canvas: CanvasTarget, children: ElementContent[]): ElementContent {
  return el('a', { className: ['internal', 'canvas-link'], href: canvas.url }, children);
}
