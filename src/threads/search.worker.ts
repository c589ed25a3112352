// Worker thread of publish/search/search-index.ts: pages the main thread posts while it renders the
// rest of the site are cut into sections and indexed here, and the index is written at the end.
import { workerData } from 'node:worker_threads';
import type { SearchFinish, SearchWorkerData } from '../publish/search/search-index.js';
import { newIndex, searchDocument, writeIndex, type PageForSearch } from '../publish/search/write-index.js';
import { serveBatches } from './batch-stream.js';
import { tracePhase, traceThread } from '../publish/build/trace.js';

const { language } = workerData as SearchWorkerData;
const index = newIndex(language);
traceThread('search');
serveBatches<PageForSearch, SearchFinish>(
  (page) => index.add(searchDocument(page)),
  ({ outDir }) => {
    tracePhase('indexed');
    const count = writeIndex(index, outDir);
    tracePhase('index written', count);
    return count;
  },
);
