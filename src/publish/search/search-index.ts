// The site's search index (format: search/index-builder.ts), written to `{out}/search-index/`.
// It is made from the page data in memory, not by reading the written site back, and only
// from note pages: redirects and listings are not search results. The build hands each note
// page to the index as soon as it is planned (planSite's onPage); a worker thread cuts it into
// sections and indexes it while this thread plans the other pages, and writes the index files
// while Eleventy lays the pages out.
import { AlmanacError } from '../../errors.js';
import type { NotePage } from '../pages/types.js';
import { newIndex, searchDocument, writeIndex, type PageForSearch } from './write-index.js';
import type { SearchIndexBuilder } from './index-builder.js';
import { workerModule } from '../../threads/mode.js';
import { BatchStream } from '../../threads/batch-stream.js';

export { SEARCH_DIR } from './index-builder.js';

/** What the search worker (threads/search.worker.ts) starts with. */
export interface SearchWorkerData {
  language: string;
}

/** What finishing the index needs: where to write it. */
export interface SearchFinish {
  outDir: string;
}

export interface SearchIndexer {
  /** Add a note page. */
  add(page: NotePage): void;
  /** Write the index of every page added to `{outDir}/search-index/`. Returns the number of pages indexed. */
  finish(outDir: string): Promise<number>;
  /** Stop without writing anything (a failed build). */
  cancel(): Promise<void>;
}

/** Start an index; add note pages as they are ready, then finish it. */
export function startSearchIndex(language: string, base: string): SearchIndexer {
  const url = workerModule('search');
  return url ? new WorkerIndexer(url, language, base) : new InThreadIndexer(language, base);
}

/** Index these note pages (a site already planned, as serve has). */
export async function indexNotes(pages: readonly NotePage[], outDir: string, language: string, base: string): Promise<number> {
  const indexer = startSearchIndex(language, base);
  try {
    for (const page of pages) indexer.add(page);
    return await indexer.finish(outDir);
  } catch (error) {
    await indexer.cancel();
    throw error;
  }
}

/** The URL a search result links to, relative to the site's base (the search script adds it). */
export function searchUrl(page: Pick<NotePage, 'url'>, base: string): string {
  return page.url.startsWith(base) ? page.url.slice(base.length) : page.url;
}

function forSearch(page: NotePage, base: string): PageForSearch {
  return { url: searchUrl(page, base), title: page.title, titleId: page.titleId, aliases: page.aliases, html: page.html };
}

// Indexes write `{out}/search-index/` one at a time, in the order they are finished (serve
// may start a new one while the last is still writing).
let writing: Promise<unknown> = Promise.resolve();

function queued<T>(work: () => Promise<T>): Promise<T> {
  const run = writing.then(work);
  writing = run.catch(() => undefined);
  return run;
}

/** Pages per message to the worker. */
const BATCH = 32;

/** The index built in a worker thread, which gets the pages as they are rendered. */
class WorkerIndexer implements SearchIndexer {
  private readonly worker: BatchStream<PageForSearch, SearchFinish>;

  constructor(
    url: URL,
    language: string,
    private readonly base: string,
  ) {
    const data: SearchWorkerData = { language };
    this.worker = new BatchStream(url, 'Search index', BATCH, data);
  }

  add(page: NotePage): void {
    this.worker.add(forSearch(page, this.base));
  }

  finish(outDir: string): Promise<number> {
    return queued(() => this.worker.finish({ outDir }));
  }

  cancel(): Promise<void> {
    return this.worker.cancel();
  }
}

/** The index built in this thread, page by page as they come. */
class InThreadIndexer implements SearchIndexer {
  private readonly index: SearchIndexBuilder;
  private done = false;

  constructor(
    language: string,
    private readonly base: string,
  ) {
    this.index = newIndex(language);
  }

  add(page: NotePage): void {
    if (this.done) throw new Error('search index already finished');
    this.index.add(searchDocument(forSearch(page, this.base)));
  }

  finish(outDir: string): Promise<number> {
    this.done = true;
    return queued(async () => {
      try {
        return writeIndex(this.index, outDir);
      } catch (error) {
        throw new AlmanacError(`Search index: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  async cancel(): Promise<void> {
    this.done = true;
  }
}
