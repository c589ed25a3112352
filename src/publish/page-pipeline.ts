// Eleventy beside the note renderer. Rendering notes (main thread) and laying pages out in
// Eleventy are the two long steps of a build; run one after the other they add up. Here
// the note pages go, in batches as they are rendered, to a worker thread that runs Eleventy
// over each batch (writePages, with its own writer thread), so the layouts of the first notes
// are written while the last are still being rendered. The listings, feed, sitemap, 404 and
// redirects, which need every note, follow in a last run. Each run writes exactly what one
// run over every page would: a page's layout reads only its own data and the site's.
import { Worker } from 'node:worker_threads';
import { AlmanacError } from '../errors.js';
import { compiledModule } from '../compiled-module.js';
import type { LayoutData, NotePage, SitePages } from './pages/types.js';
import type { PipelineData, PipelineReply, PipelineRequest } from './page-pipeline-worker.js';

export interface PagePipeline {
  /** A rendered note page, in site order. */
  addNote(page: NotePage): void;
  /** Write the rest of the site (`notes` are the ones added) and wait for every page. Returns the files written. */
  finish(rest: Omit<SitePages, 'notes'>): Promise<number>;
  /** Stop; pages not yet written are dropped. */
  cancel(): Promise<void>;
}

const WORKER = new URL('./page-pipeline-worker.js', import.meta.url);
/** Notes per Eleventy run: large enough that a run's start-up is a small share of it. */
const BATCH = 1500;

/** The worker runs compiled code: under a TS runner (tests) pages are written after rendering, in one run. */
export function pipelineAvailable(): boolean {
  return compiledModule(WORKER);
}

export function startPagePipeline(options: { outDir: string; layout: LayoutData; templatesDir?: string | undefined; onWritten?: ((files: number) => void) | undefined }): PagePipeline {
  const data: PipelineData = { outDir: options.outDir, layout: options.layout, templatesDir: options.templatesDir };
  const worker = new Worker(WORKER, { workerData: data });
  let batch: NotePage[] = [];
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (reply: PipelineReply) => {
      if (reply.type === 'progress') options.onWritten?.(reply.written);
      else if (reply.type === 'done') resolve(reply.written);
      else reject(new AlmanacError(`Writing the site: ${reply.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new AlmanacError(`Writing the site: the Eleventy thread stopped (exit code ${code})`)));
  });
  // Kept until finish() waits for it.
  done.catch(() => undefined);
  const post = (request: PipelineRequest): void => worker.postMessage(request);
  const flush = (): void => {
    if (batch.length === 0) return;
    post({ type: 'notes', pages: batch });
    batch = [];
  };
  return {
    addNote(page) {
      batch.push(page);
      if (batch.length >= BATCH) flush();
    },
    async finish(rest) {
      flush();
      post({ type: 'finish', pages: { notes: [], ...rest } });
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
    async cancel() {
      batch = [];
      await worker.terminate();
    },
  };
}
