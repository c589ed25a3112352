// The Pagefind search index of the note pages, written to `{out}/pagefind/`. It is made from
// the page data in memory, not by reading the written site back: only note pages carry
// data-pagefind-body, so the redirect, listing and 404 pages (half the files at 10,000
// notes) would only be read and dropped, and of a note page Pagefind needs only its
// data-pagefind-body part (searchDocument). The build hands each note to the index as soon
// as it is rendered (planSite's onPage), and a worker thread passes it on to Pagefind, which
// parses it in its own process while this thread renders the other notes and Eleventy
// writes the pages; only building the index files is left for the end.
import { Worker } from 'node:worker_threads';
import { AlmanacError } from '../errors.js';
import { escapeHtml } from './escape-html.js';
import { compiledModule } from '../compiled-module.js';
import { closePagefind, PagefindRun, type SearchDocument } from './pagefind-run.js';
import type { NotePage } from './pages/types.js';
import type { SearchReply, SearchRequest, SearchWorkerData } from './search-worker.js';

export type { SearchDocument } from './pagefind-run.js';

export interface SearchIndexer {
  /** Add a note page. */
  add(page: NotePage): void;
  /** Build the index of every page added and write it to `{outDir}/pagefind/`. Returns the number of pages indexed. */
  finish(outDir: string): Promise<number>;
  /** Stop without writing anything (a failed build). */
  cancel(): Promise<void>;
}

/** Start an index; add note pages as they are ready, then finish it. */
export function startSearchIndex(language: string): SearchIndexer {
  return workerAvailable() ? new WorkerIndexer(language) : new InThreadIndexer(language);
}

/** Index these note pages (a site already planned, as serve has). */
export async function indexNotes(pages: readonly NotePage[], outDir: string, language: string): Promise<number> {
  const indexer = startSearchIndex(language);
  try {
    for (const page of pages) indexer.add(page);
    return await indexer.finish(outDir);
  } catch (error) {
    await indexer.cancel();
    throw error;
  }
}

/**
 * What Pagefind reads of a note page, laid out as templates/base.njk and note.njk lay it out:
 * the page's language and the data-pagefind-body element with the title (data-pagefind-meta,
 * and its id, which search results link to), the aliases line and the note's HTML, escaped as
 * Nunjucks escapes them. The rest of the page is outside data-pagefind-body or inside
 * data-pagefind-ignore (meta line, backlinks) and holds no data-pagefind-meta or -filter, so
 * it adds nothing to the index. The URL is the one Pagefind gives the written page.
 * test/publish.test.ts checks that the index equals the one Pagefind makes of the written site.
 */
export function searchDocument(page: NotePage, language: string): SearchDocument {
  const id = page.titleId ? ` id="${escapeHtml(page.titleId)}"` : '';
  const aliases = page.aliases.length > 0 ? `<p class="note-aliases">Also known as ${escapeHtml(page.aliases.join(', '))}</p>\n` : '';
  const content = [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<body>',
    '<main data-pagefind-body>',
    '<article class="note">',
    '<header class="note-header">',
    `<h1${id} data-pagefind-meta="title">${escapeHtml(page.title)}</h1>`,
    `${aliases}</header>`,
    '<div class="note-body">',
    page.html,
    '</div>',
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { url: pagefindUrl(page.output), content };
}

/** The URL Pagefind gives the page written at `output`: `/` + its path, `index.html` dropped (the search UI adds the base). */
export function pagefindUrl(output: string): string {
  return `/${output.replaceAll('index.html', '')}`;
}

// Indexes write `{out}/pagefind/` one at a time, in the order they are finished; an index
// made in this thread also has this thread's Pagefind service to itself (it is closed after).
let writing: Promise<unknown> = Promise.resolve();

function queued<T>(work: () => Promise<T>): Promise<T> {
  const run = writing.then(work);
  writing = run.catch(() => undefined);
  return run;
}

const WORKER = new URL('./search-worker.js', import.meta.url);
/** Documents per message to the worker. */
const BATCH = 16;

/** The worker runs compiled code; under a TS runner (tests) the index is made in this thread. */
function workerAvailable(): boolean {
  return compiledModule(WORKER);
}

/**
 * Pagefind fed from a worker thread. A message to a worker is delivered even while this
 * thread is busy in synchronous code (rendering every note), which a pipe to Pagefind is not:
 * once its buffer is full, the rest waits for this thread's event loop.
 */
class WorkerIndexer implements SearchIndexer {
  private readonly worker: Worker;
  private readonly reply: Promise<SearchReply>;
  private batch: SearchDocument[] = [];
  private done = false;

  constructor(private readonly language: string) {
    const data: SearchWorkerData = { language };
    this.worker = new Worker(WORKER, { workerData: data });
    this.reply = new Promise<SearchReply>((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new AlmanacError(`Search index: the indexing thread stopped (exit code ${code})`)));
    });
    // Kept until finish() waits for it.
    this.reply.catch(() => undefined);
  }

  add(page: NotePage): void {
    if (this.done) throw new Error('search index already finished');
    this.batch.push(searchDocument(page, this.language));
    if (this.batch.length >= BATCH) this.flush();
  }

  finish(outDir: string): Promise<number> {
    this.flush();
    this.done = true;
    return queued(async () => {
      this.post({ type: 'finish', outDir });
      try {
        const reply = await this.reply;
        if (reply.type === 'failed') throw new AlmanacError(reply.message.startsWith('Search index:') ? reply.message : `Search index: ${reply.message}`);
        return reply.pages;
      } finally {
        await this.worker.terminate();
      }
    });
  }

  async cancel(): Promise<void> {
    this.done = true;
    this.batch = [];
    // The worker's end closes Pagefind's input, and the service exits.
    await this.worker.terminate();
  }

  private flush(): void {
    if (this.batch.length === 0 || this.done) return;
    this.post({ type: 'add', documents: this.batch });
    this.batch = [];
  }

  private post(request: SearchRequest): void {
    this.worker.postMessage(request);
  }
}

/** Pagefind fed from this thread, once every page is in (the documents wait in memory till then). */
class InThreadIndexer implements SearchIndexer {
  private documents: SearchDocument[] = [];
  private done = false;

  constructor(private readonly language: string) {}

  add(page: NotePage): void {
    if (this.done) throw new Error('search index already finished');
    this.documents.push(searchDocument(page, this.language));
  }

  finish(outDir: string): Promise<number> {
    const documents = this.documents;
    this.documents = [];
    this.done = true;
    return queued(async () => {
      try {
        const run = await PagefindRun.open(this.language);
        run.add(documents);
        return await run.finish(outDir);
      } finally {
        await closePagefind();
      }
    });
  }

  async cancel(): Promise<void> {
    this.done = true;
    this.documents = [];
  }
}
