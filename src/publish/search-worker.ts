// Worker thread that builds the search index (see search-index.ts): pages the main thread
// posts while it renders the rest of the site are cut into sections and indexed here.
import { parentPort, workerData } from 'node:worker_threads';
import { newIndex, searchDocument, writeIndex, type PageForSearch } from './search/write-index.js';

export interface SearchWorkerData {
  language: string;
}

export type SearchRequest = { type: 'add'; pages: PageForSearch[] } | { type: 'finish'; outDir: string };

export type SearchReply = { type: 'done'; pages: number } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('search-worker.js runs as a worker thread');
const { language } = workerData as SearchWorkerData;
const index = newIndex(language);
let failure: string | null = null;

port.on('message', (request: SearchRequest) => {
  try {
    if (request.type === 'add') {
      if (failure === null) for (const page of request.pages) index.add(searchDocument(page));
      return;
    }
    if (failure !== null) throw new Error(failure);
    port.postMessage({ type: 'done', pages: writeIndex(index, request.outDir) } satisfies SearchReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (request.type === 'add') failure ??= message;
    else port.postMessage({ type: 'failed', message } satisfies SearchReply);
  }
});
