// Parsing and rendering across worker threads, with each note's tree kept in the worker that
// parsed it. The main thread gets the facts (links, headings, tags: what resolving and the
// site model need) and, once the site is planned, sends each worker the URLs and resolved
// links its notes need; the worker sends back HTML. Trees never cross threads, and rendering,
// like parsing, runs on every core. A note embedded by a note the other worker holds is parsed
// again there (embeds need the target's tree).
import { availableParallelism } from 'node:os';
import type { ParsedNote } from '../../parse/types.js';
import type { ResolvedLink } from '../../resolve/index.js';
import { workerModule } from '../../threads/mode.js';
import type { Task } from '../../threads/protocol.js';
import { Thread } from '../../threads/thread.js';
import type { HeadingAnchor } from '../render/heading-ids.js';
import type { RenderedNote } from '../render/note-html.js';
import { MAX_EMBED_DEPTH, type CanvasTarget } from '../render/scope.js';
import type { SiteAttachment, SiteModel } from '../model/site-model.js';
import type { Element } from 'hast';

/** The note worker's tasks (threads/note.worker.ts). Results cross as JSON text: one string
 * crosses threads much faster than a structured clone of many small objects. */
export type NoteTasks = {
  /** ParsedFacts[] as JSON. */
  parse: Task<{ items: Array<{ path: string; source: string }> }, string>;
  /** RenderShared and RenderOwn as JSON; progress: each batch of rendered notes, Array<[path, RenderedNote]> as JSON. */
  render: Task<{ shared: string; own: string }, void, string>;
};

/** A parsed note as the main thread gets it: no tree, and its heading ids (computed from the tree). */
export interface ParsedFacts {
  note: ParsedNote;
  anchors: HeadingAnchor[];
}

/** How a link resolved, without the link itself (the worker has it, in the same order). */
export type LinkResolution = Omit<ResolvedLink, 'source' | 'link'>;

/** What every worker gets to render: the site's URLs and heading ids. */
export interface RenderShared {
  base: string;
  allowHtmlAttachments: boolean;
  /** `site.embeds`: iframe hosts beyond the built-in allowlist (render/embed/iframe-hosts.ts). */
  embeds?: string[];
  attachments: SiteAttachment[];
  targets: Array<{ path: string; slug: string; url: string; title: string; anchors: HeadingAnchor[] }>;
  /** Bases embeds by embedEntryKey (publish/bases/), as plain hast. */
  baseEmbeds?: Array<[string, Element]>;
  /** Pages of published .base files: vault path → URL. */
  baseUrls?: Array<[string, string]>;
  /** Published canvases, for links and embeds of them (publish/canvas/). */
  canvases?: CanvasTarget[];
}

/** What one worker gets: the notes it renders, the notes it must parse for their embeds,
 * and how the links of both resolved. */
export interface RenderOwn {
  render: string[];
  /** Notes that other notes here embed: their trees are kept until the end. Any other tree is
   * released as soon as its note is rendered. */
  embedded: string[];
  foreign: Array<{ path: string; source: string }>;
  resolutions: Array<[string, LinkResolution[]]>;
}

const PARSE_BATCH = 64;

/** Whether note workers may run (threads/mode.ts); else build parses and renders in-thread. */
export function noteWorkersAvailable(): boolean {
  return workerModule('note') !== null;
}

export class NoteWorkers {
  private readonly threads: Array<Thread<NoteTasks>>;
  /** Which worker holds each note's tree. */
  private readonly owner = new Map<string, number>();
  private readonly anchors = new Map<string, HeadingAnchor[]>();
  private readonly sources = new Map<string, string>();

  /** `heapMb`: each worker's heap cap (see heap-cap.ts noteWorkerHeapMb); null for none. */
  constructor(threads = availableParallelism(), heapMb: number | null = null) {
    const url = workerModule('note');
    if (!url) throw new Error('NoteWorkers: worker threads are not available (see noteWorkersAvailable)');
    const limits = heapMb === null ? undefined : { maxOldGenerationSizeMb: heapMb };
    this.threads = Array.from({ length: Math.max(1, threads) }, () => new Thread<NoteTasks>(url, 'Note worker', undefined, limits));
  }

  /** Parse `items` (batches go to whichever worker is free); the notes come back without trees. */
  readonly parse = async (items: Array<{ path: string; source: string }>): Promise<Map<string, ParsedNote>> => {
    const results = new Map<string, ParsedNote>();
    const batches: Array<Array<{ path: string; source: string }>> = [];
    for (let index = 0; index < items.length; index += PARSE_BATCH) batches.push(items.slice(index, index + PARSE_BATCH));
    for (const { path, source } of items) this.sources.set(path, source);
    await Promise.all(
      this.threads.map(async (thread, number) => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          const json = await thread.request('parse', { items: batch }, { label: 'Parsing notes' });
          for (const { note, anchors } of JSON.parse(json) as ParsedFacts[]) {
            results.set(note.path, note);
            this.owner.set(note.path, number);
            this.anchors.set(note.path, anchors);
          }
        }
      }),
    );
    return results;
  };

  /** Render every published note of `site` where its tree is. */
  async render(site: SiteModel, onNote?: (done: number, total: number) => void): Promise<Map<string, RenderedNote>> {
    const rendered = new Map<string, RenderedNote>();
    const shared: RenderShared = {
      base: site.base,
      allowHtmlAttachments: site.options.allowHtmlAttachments,
      embeds: site.options.embeds,
      attachments: [...site.attachments.values()],
      targets: site.notes.map(({ note, slug, url }) => ({ path: note.path, slug, url, title: note.title, anchors: this.anchors.get(note.path) ?? [] })),
      baseEmbeds: [...site.baseEmbeds],
      baseUrls: [...site.baseUrls],
      canvases: [...site.canvases.values()].map(({ canvas: _canvas, ...target }) => target),
    };
    const sharedJson = JSON.stringify(shared);
    const total = site.notes.length;
    for (const { note } of site.notes) if (!this.owner.has(note.path)) throw new Error(`${note.path} was not parsed by a note worker`);
    await Promise.all(
      this.threads.map((thread, number) =>
        thread.request(
          'render',
          { shared: sharedJson, own: JSON.stringify(this.ownPart(site, number)) },
          {
            label: 'Rendering notes',
            onProgress: (json) => {
              for (const [path, note] of JSON.parse(json) as Array<[string, RenderedNote]>) rendered.set(path, note);
              onNote?.(rendered.size, total);
            },
          },
        ),
      ),
    );
    return rendered;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }

  /** Worker `number`'s notes to render, the notes their embeds reach that it does not hold, and the links of both. */
  private ownPart(site: SiteModel, number: number): RenderOwn {
    const render = site.notes.filter(({ note }) => this.owner.get(note.path) === number).map(({ note }) => note.path);
    const needed = new Set(render);
    const embedded = new Set<string>();
    let frontier = render;
    for (let depth = 1; depth <= MAX_EMBED_DEPTH && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const path of frontier) {
        for (const link of site.graph.outgoing.get(path) ?? []) {
          if (link.link.kind !== 'embed' || link.file || !link.note || !site.byPath.has(link.note)) continue;
          embedded.add(link.note);
          if (needed.has(link.note)) continue;
          needed.add(link.note);
          next.push(link.note);
        }
      }
      frontier = next;
    }
    const foreign = [...needed].filter((path) => this.owner.get(path) !== number).map((path) => ({ path, source: this.sources.get(path) ?? '' }));
    const resolutions: Array<[string, LinkResolution[]]> = [...needed].map((path) => [path, (site.graph.outgoing.get(path) ?? []).map(resolutionOf)]);
    return { render, embedded: [...embedded], foreign, resolutions };
  }
}

function resolutionOf(link: ResolvedLink): LinkResolution {
  const { source: _source, link: _link, ...resolution } = link;
  return resolution;
}
