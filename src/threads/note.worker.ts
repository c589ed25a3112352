// Worker thread that parses notes and, later in the same build, renders them (see
// publish/build/note-workers.ts). The trees stay here: only facts go to the main thread, and only HTML
// comes back, so no tree is ever copied between threads.
import { threadId } from 'node:worker_threads';
import type { Nodes, Root } from 'mdast';
import { parseNote } from '../parse/index.js';
import type { ParsedNote } from '../parse/types.js';
import type { ResolvedLink } from '../resolve/index.js';
import { stripTree } from '../vault/cache.js';
import { headingAnchors, knownAnchors } from '../publish/render/heading-ids.js';
import { renderNote, type RenderedNote } from '../publish/render/note-html.js';
import type { RenderEntry, RenderNote, RenderSite } from '../publish/render/scope.js';
import { tableFactsOf } from '../publish/facts/tables.js';
import type { NoteTasks, ParsedFacts, RenderOwn, RenderShared } from '../publish/build/note-workers.js';
import { serve } from './thread.js';
import { HeldNote } from './held-note.js';
import { tracePhase, traceThread } from '../publish/build/trace.js';

/** Notes rendered per reply: the main thread reports progress as they come. */
const REPLY_BATCH = 64;

const held = new Map<string, HeldNote>();

/** The nodes whose position rendering reads: links and embeds (to find how they resolved), headings
 * (their ids), raw HTML (the line of a blocked-iframe warning, render/embed/iframes.ts), and
 * tables (their row ids and charts, facts/tables.ts). */
const POSITIONED = new Set<string>(['heading', 'obsidianLink', 'link', 'image', 'html', 'table']);

/** Drop the positions rendering never reads. Facts are extracted already; a held tree is only
 * rendered, and positions (three objects per node) are most of its memory. */
function dropPositions(node: Nodes): void {
  if (!POSITIONED.has(node.type)) node.position = undefined;
  if ('children' in node) for (const child of node.children) dropPositions(child);
}

function hold(note: ParsedNote): HeldNote {
  dropPositions(note.tree);
  const kept = new HeldNote(note.path, note.title, note.bodyLine, note.tree, note.links, tableFactsOf(note));
  held.set(note.path, kept);
  return kept;
}

function parse(items: Array<{ path: string; source: string }>): ParsedFacts[] {
  return items.map(({ path, source }) => {
    const note = parseNote(path, source);
    // An unpublished note is never rendered or embedded: its tree is not kept.
    if (!note.publish) return { note: stripTree(note), anchors: [] };
    const kept = hold(note);
    // Heading ids are computed from the tree and cached by the note before the tree is packed.
    const anchors = headingAnchors(kept);
    kept.pack();
    return { note: stripTree(note), anchors };
  });
}

function render(shared: RenderShared, own: RenderOwn, progress: (json: string) => void): void {
  tracePhase('parsed (trees held)', held.size);
  for (const { path, source } of own.foreign) hold(parseNote(path, source));
  const empty: Root = { type: 'root', children: [] };
  const byPath = new Map<string, RenderEntry>();
  for (const target of shared.targets) {
    let note: RenderNote | undefined = held.get(target.path);
    if (!note) {
      // Held by the other worker and not embedded here: links to it need its URL and heading ids only.
      note = { path: target.path, title: target.title, bodyLine: 1, tree: empty };
      knownAnchors(note, target.anchors);
    }
    byPath.set(target.path, { note, slug: target.slug, url: target.url });
  }
  const outgoing = new Map<string, ResolvedLink[]>();
  for (const [path, resolutions] of own.resolutions) {
    const note = held.get(path);
    if (!note || note.links.length !== resolutions.length) throw new Error(`the links of ${path} do not match the main thread's`);
    const links: ResolvedLink[] = [];
    resolutions.forEach((resolution, index) => {
      const link = note.links[index];
      if (link) links.push({ ...resolution, source: path, link });
    });
    outgoing.set(path, links);
  }
  const site: RenderSite = {
    base: shared.base,
    options: { allowHtmlAttachments: shared.allowHtmlAttachments, embeds: shared.embeds ?? [] },
    attachments: new Map(shared.attachments.map((file) => [file.path, file])),
    byPath,
    graph: { outgoing },
    baseEmbeds: new Map(shared.baseEmbeds ?? []),
    baseUrls: new Map(shared.baseUrls ?? []),
    canvases: new Map((shared.canvases ?? []).map((canvas) => [canvas.path, canvas])),
  };
  const embedded = new Set(own.embedded);
  let batch: Array<[string, RenderedNote]> = [];
  for (const path of own.render) {
    const entry = byPath.get(path);
    if (!entry || !held.has(path)) throw new Error(`${path} is not held by this worker`);
    batch.push([path, renderNote(site, entry)]);
    // Links to it still need its heading ids, which stay cached by the note (heading-ids.ts).
    if (!embedded.has(path)) {
      entry.note.tree = empty;
      held.delete(path);
      outgoing.delete(path);
    }
    if (batch.length >= REPLY_BATCH) {
      progress(JSON.stringify(batch));
      batch = [];
    }
  }
  if (batch.length > 0) progress(JSON.stringify(batch));
  held.clear();
  tracePhase('rendered', own.render.length);
}

traceThread(`note ${threadId}`);

serve<NoteTasks>({
  // As JSON text: one string crosses threads much faster than a structured clone of many small objects.
  parse: ({ items }) => JSON.stringify(parse(items)),
  render: ({ shared, own }, progress) => render(JSON.parse(shared) as RenderShared, JSON.parse(own) as RenderOwn, progress),
});
