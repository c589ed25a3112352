// Worker thread that feeds one Pagefind index (see search-index.ts). Documents the main
// thread posts while it is busy rendering notes reach Pagefind from here at once.
import { parentPort, workerData } from 'node:worker_threads';
import { closePagefind, PagefindRun, type SearchDocument } from './pagefind-run.js';

export interface SearchWorkerData {
  language: string;
}

export type SearchRequest = { type: 'add'; documents: SearchDocument[] } | { type: 'finish'; outDir: string };

export type SearchReply = { type: 'done'; pages: number } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('search-worker.js runs as a worker thread');
const { language } = workerData as SearchWorkerData;
const run = PagefindRun.open(language);
// A failed start is reported when the index is finished.
run.catch(() => undefined);

port.on('message', (request: SearchRequest) => {
  if (request.type === 'add') {
    void run.then((index) => index.add(request.documents), () => undefined);
    return;
  }
  void run
    .then((index) => index.finish(request.outDir))
    .then(
      (pages): SearchReply => ({ type: 'done', pages }),
      (error: unknown): SearchReply => ({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    .then(async (reply) => {
      await closePagefind();
      // The main thread ends this worker once it has the reply.
      port.postMessage(reply);
    });
});
