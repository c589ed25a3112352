// mdast → hast handlers for the nodes Obsidian adds, plus the few Markdown nodes whose
// HTML the site changes (heading ids, block ids, wrapped tables, vault links and images).
import type { ElementContent } from 'hast';
import type { Code, Heading, Image, Link, Nodes, Paragraph, Parents, PhrasingContent, Table } from 'mdast';
import { defaultHandlers, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import type { Callout, Highlight, ObsidianLink, Tag } from '../../parse/mdast.js';
import { blockAnchor, headingIdAt } from './heading-ids.js';
import { tagUrl } from '../model/taxonomy.js';
import { el, text, withId } from './hast.js';
import { linkElement } from './links.js';
import { defaultDisplay } from '../../parse/plain-text.js';
import { fileEmbed, isBlockEmbed as isNoteEmbed, noteEmbed, type EmbedRequest } from './embed/embeds.js';
import { baseEmbed, isBaseEmbed } from '../bases/embed.js';
import type { ResolvedLink } from '../../resolve/index.js';
import type { RenderScope } from './scope.js';
import { mediaEmbed } from './embed/media.js';
import { codeBlock } from './code/block.js';
import { canvasEmbed } from '../canvas/embed.js';
import type { InlineMath, MathBlock } from '../../parse/syntax/math-nodes.js';
import { mathElement } from './math/math.js';
import { tableExtras } from '../facts/tables.js';

/** Block nodes that can carry an Obsidian `^id`. */
const BLOCK_TYPES = ['list', 'listItem', 'blockquote', 'code', 'thematicBreak'] as const;

/** Embeds that render as a block (a note, section or block; a Bases view). */
const isBlockEmbed = (link: ResolvedLink | undefined): boolean => isNoteEmbed(link) || isBaseEmbed(link);

/** A file embed: a canvas's card, a Bases view (publish/bases/embed.ts), else an attachment (embeds.ts). */
function attachmentEmbed(scope: RenderScope, request: EmbedRequest): ElementContent {
  // `![[Board.canvas]]`: a card linking to the canvas's page (publish/canvas/embed.ts).
  const canvas = request.link.file ? scope.site.canvases?.get(request.link.file) : undefined;
  if (canvas) return canvasEmbed(canvas, request.display);
  return isBaseEmbed(request.link) ? baseEmbed(scope, request.link) : fileEmbed(scope, request);
}

export function createHandlers(scope: RenderScope): Handlers {
  const embed = (request: EmbedRequest): ElementContent =>
    request.link.file || request.link.status === 'unresolved-attachment' ? attachmentEmbed(scope, request) : noteEmbed(scope, request, createHandlers);
  const blockId = (node: Nodes, result: ElementContent | ElementContent[] | undefined): ElementContent | ElementContent[] | undefined => {
    const id = node.data?.blockId;
    return id && scope.depth === 0 ? withId(result, blockAnchor(id)) : result;
  };
  const handlers: Handlers = {};
  for (const type of BLOCK_TYPES) {
    const fallback: Handler = defaultHandlers[type];
    handlers[type] = (state: State, node: Nodes, parent: Parents | undefined) => blockId(node, fallback(state, node, parent));
  }
  // Highlighted code and Mermaid diagrams (code/block.ts), keeping the block id.
  handlers.code = (state: State, node: Code) => blockId(node, codeBlock(scope, state, node));

  handlers.obsidianLink = (_state: State, node: ObsidianLink): ElementContent | ElementContent[] | undefined => {
    const link = scope.linkAt(node);
    const display = node.alias ?? defaultDisplay(node.value);
    if (!link) return text(display);
    if (node.embed) return embed({ link, display: link.link.size ? null : node.alias });
    return linkElement(scope, link, [text(display)]);
  };

  handlers.obsidianComment = () => undefined;

  handlers.highlight = (state: State, node: Highlight): ElementContent => el('mark', {}, state.all(node));

  handlers.inlineMath = (_state: State, node: InlineMath): ElementContent =>
    mathElement(scope, node.value, node.data?.display === true, false, node.position?.start);

  handlers.math = (_state: State, node: MathBlock) => blockId(node, mathElement(scope, node.value, true, true, node.position?.start));

  handlers.tag = (_state: State, node: Tag): ElementContent => el('a', { className: ['tag'], href: tagUrl(scope.site.base, node.name) }, [text(node.value)]);

  handlers.callout = (state: State, node: Callout): ElementContent | ElementContent[] | undefined => {
    const titleChildren = node.title.length > 0 ? state.all({ type: 'paragraph', children: node.title }) : [text(capitalise(node.calloutType))];
    const body = el('div', { className: ['callout-content'] }, state.wrap(state.all(node), true));
    const properties = { className: ['callout'], dataCallout: node.calloutType };
    const callout =
      node.fold === null
        ? el('div', properties, [el('div', { className: ['callout-title'] }, titleChildren), body])
        : el('details', { ...properties, open: node.fold === '+' }, [el('summary', { className: ['callout-title'] }, titleChildren), body]);
    return blockId(node, callout);
  };

  handlers.heading = (state: State, node: Heading): ElementContent | ElementContent[] | undefined => {
    const result = defaultHandlers.heading(state, node);
    if (scope.depth > 0) return result;
    const line = (node.position?.start.line ?? 0) + scope.note.note.bodyLine - 1;
    const id = headingIdAt(scope.note.note, line);
    return id ? withId(result, id) : result;
  };

  handlers.table = (state: State, node: Table): ElementContent | ElementContent[] | undefined => {
    const table = defaultHandlers.table(state, node);
    // Row ids (entity pages link to rows) and the chart a `%% chart: … %%` comment asks for (tables.ts).
    return blockId(node, tableExtras(scope, node, el('div', { className: ['table-wrap'] }, [table])));
  };

  handlers.link = (state: State, node: Link): ElementContent | ElementContent[] | undefined => {
    const link = scope.linkAt(node);
    if (!link) return defaultHandlers.link(state, node);
    return linkElement(scope, link, state.all(node));
  };

  handlers.image = (state: State, node: Image): ElementContent | ElementContent[] | undefined => {
    const link = scope.linkAt(node);
    // `![](https://youtu.be/…)`: a player or a card, as Obsidian shows it (media.ts).
    if (!link) return mediaEmbed(node.url, node.alt ?? null, node.data?.imageSize) ?? defaultHandlers.image(state, node);
    return embed({ link, display: node.alt ?? null });
  };

  // A paragraph holding note embeds is split around them: an embed is a block (<div>).
  handlers.paragraph = (state: State, node: Paragraph): ElementContent | ElementContent[] | undefined => {
    const isBlock = (child: PhrasingContent): boolean => isEmbedNode(child) && isBlockEmbed(scope.linkAt(child));
    if (!node.children.some(isBlock)) return blockId(node, defaultHandlers.paragraph(state, node));
    return blockId(node, splitAroundEmbeds(state, node, isBlock));
  };

  return handlers;
}

/** A paragraph's runs of text as paragraphs, with its block embeds between them. */
function splitAroundEmbeds(state: State, node: Paragraph, isBlock: (child: PhrasingContent) => boolean): ElementContent[] {
  const out: ElementContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = (): void => {
    if (run.some((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break')) {
      out.push(el('p', {}, state.all({ type: 'paragraph', children: trimRun(run) })));
    }
    run = [];
  };
  for (const child of node.children) {
    if (isBlock(child)) {
      flush();
      const result = state.one(child, node);
      if (Array.isArray(result)) out.push(...result);
      else if (result) out.push(result);
    } else {
      run.push(child);
    }
  }
  flush();
  return out;
}

/** The text either side of a block embed, without the spaces that separated it from the embed. */
function trimRun(run: PhrasingContent[]): PhrasingContent[] {
  return run.map((child, index) => {
    if (child.type !== 'text') return child;
    let value = child.value;
    if (index === 0) value = value.trimStart();
    if (index === run.length - 1) value = value.trimEnd();
    return value === child.value ? child : { ...child, value };
  });
}

function isEmbedNode(node: PhrasingContent): boolean {
  return (node.type === 'obsidianLink' && node.embed) || node.type === 'image';
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
