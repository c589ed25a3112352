// Worker thread that builds the search index (see search-index.ts): pages the main thread
// posts while it renders the rest of the site are cut into sections and indexed here.
import { parentPort, workerData } from 'node:worker_threads';
import { serveBatches } from './batch-worker.js';
import { newIndex, searchDocument, writeIndex, type PageForSearch } from './search/write-index.js';

export interface SearchWorkerData {
  language: string;
}

/** What finishing the index needs: where to write it. */
export interface SearchFinish {
  outDir: string;
}

const port = parentPort;
if (!port) throw new Error('search-worker.js runs as a worker thread');
const { language } = workerData as SearchWorkerData;
const index = newIndex(language);
serveBatches<PageForSearch, SearchFinish>(
  port,
  (page) => index.add(searchDocument(page)),
  ({ outDir }) => writeIndex(index, outDir),
);
