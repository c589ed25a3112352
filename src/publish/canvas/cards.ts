// The content of a canvas's cards, rendered by the notes' own renderer (renderNote: the same
// handlers, sanitizer and id prefixing as a note page, so links, tags, callouts and embeds work
// and nothing a note could not publish gets through). A text card is its Markdown tree; a file
// card is the tree of `![[file#subpath]]`, so it shows what that embed shows in a note (the
// note's section, an image, "This content is not published."). Each card sees only its own
// links, placed where they are in its text; the warnings it gives are moved to its JSON line.
import type { Root } from 'mdast';
import type { CanvasFileNode, CanvasTextNode, ParsedCanvas } from '../../canvas/types.js';
import type { ResolvedLink } from '../../resolve/index.js';
import type { BuildWarning } from '../model/warnings.js';
import type { PageFeature } from '../render/features.js';
import { renderNote } from '../render/note-html.js';
import type { RenderSite } from '../render/scope.js';

export interface CardHtml {
  html: string;
  warnings: BuildWarning[];
  features: PageFeature[];
}

/** Renders the cards of one canvas; `site` must hold the trees of the notes its cards embed. */
export class CardRenderer {
  private readonly outgoing: Map<string, ResolvedLink[]>;
  private readonly view: RenderSite;
  /** The canvas's resolved links by node id, each placed in its card's text (file cards: 1:1). */
  private readonly byNode = new Map<string, ResolvedLink[]>();

  constructor(
    site: RenderSite,
    private readonly canvas: ParsedCanvas,
    resolved: readonly ResolvedLink[],
  ) {
    this.outgoing = new Map(site.graph.outgoing);
    this.view = { ...site, graph: { outgoing: this.outgoing } };
    canvas.linkPlaces.forEach((place, index) => {
      const link = resolved[index];
      if (!link) return;
      const inText = place.inText ?? { line: 1, column: 1 };
      const list = this.byNode.get(place.node) ?? [];
      list.push({ ...link, link: { ...link.link, line: inText.line, column: inText.column } });
      this.byNode.set(place.node, list);
    });
  }

  text(node: CanvasTextNode): CardHtml {
    return this.render(node.id, node.tree, node.value);
  }

  file(node: CanvasFileNode): CardHtml {
    const target = `${node.file}${node.subpath?.startsWith('#') ? node.subpath : ''}`;
    const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'obsidianLink', value: target, alias: null, embed: true, position }] }],
    };
    return this.render(node.id, tree, node.value);
  }

  private render(id: string, tree: Root, place: { line: number; column: number }): CardHtml {
    this.outgoing.set(this.canvas.path, this.byNode.get(id) ?? []);
    // No title: a card's first heading is not the page's title and stays in the card.
    const rendered = renderNote(this.view, { note: { path: this.canvas.path, title: '\u0000', bodyLine: 1, tree }, slug: '', url: '' });
    const warnings = rendered.warnings.map((warning) => ({ ...warning, file: this.canvas.path, line: place.line, column: place.column }));
    return { html: rendered.html, warnings, features: rendered.features };
  }
}
