// Worker thread of page-pipeline.ts: one Eleventy run per batch of pages, in the order posted.
import { parentPort, workerData } from 'node:worker_threads';
import { writePages } from './eleventy-site.js';
import type { LayoutData, SitePages } from './pages/types.js';

export interface PipelineData {
  outDir: string;
  layout: LayoutData;
  templatesDir: string | undefined;
}

export type PipelineRequest = { type: 'notes'; pages: SitePages['notes'] } | { type: 'finish'; pages: SitePages };
export type PipelineReply = { type: 'progress'; written: number } | { type: 'done'; written: number } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('page-pipeline-worker.js runs as a worker thread');
const { outDir, layout, templatesDir } = workerData as PipelineData;
let written = 0;
let failure: string | null = null;
let runs: Promise<void> = Promise.resolve();

const run = async (pages: SitePages): Promise<void> => {
  if (failure !== null) return;
  try {
    written += await writePages(pages, { outDir, layout, templatesDir });
    port.postMessage({ type: 'progress', written } satisfies PipelineReply);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
};

port.on('message', (request: PipelineRequest) => {
  if (request.type === 'notes') {
    const pages: SitePages = { notes: request.pages, listings: [], redirects: [], notFound: false, sitemap: null, feed: null };
    runs = runs.then(() => run(pages));
    return;
  }
  runs = runs
    .then(() => run(request.pages))
    .then(() => port.postMessage((failure === null ? { type: 'done', written } : { type: 'failed', message: failure }) satisfies PipelineReply));
});
