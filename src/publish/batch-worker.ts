// A worker thread fed items in batches while this thread goes on (search-index.ts,
// file-writer.ts). A message to a worker is delivered even while this thread is busy in
// synchronous code, so the worker keeps up as items come. Protocol: `{type: 'add', items}`
// messages, then one `{type: 'finish', ...}`; the worker replies once, when finished.
import { Worker } from 'node:worker_threads';
import { AlmanacError } from '../errors.js';

export type BatchRequest<Item, Finish> = { type: 'add'; items: Item[] } | ({ type: 'finish' } & Finish);
export type BatchReply = { type: 'done'; count: number } | { type: 'failed'; message: string };

export class BatchWorker<Item, Finish extends object> {
  private readonly worker: Worker;
  private readonly reply: Promise<BatchReply>;
  private batch: Item[] = [];
  private done = false;

  /** `label` starts error messages: "Search index", "Writing the site". */
  constructor(
    url: URL,
    private readonly label: string,
    private readonly batchSize: number,
    workerData?: unknown,
  ) {
    this.worker = new Worker(url, { workerData });
    this.reply = new Promise<BatchReply>((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new AlmanacError(`${label}: the worker thread stopped (exit code ${code})`)));
    });
    // Kept until finish() waits for it.
    this.reply.catch(() => undefined);
  }

  add(item: Item): void {
    if (this.done) throw new Error(`${this.label}: already finished`);
    this.batch.push(item);
    if (this.batch.length >= this.batchSize) this.flush();
  }

  /** Send what is left and `finish`; resolves to the worker's count, or throws its failure. */
  async finish(finish: Finish): Promise<number> {
    this.flush();
    this.done = true;
    this.post({ type: 'finish', ...finish });
    try {
      const reply = await this.reply;
      if (reply.type === 'failed') throw new AlmanacError(`${this.label}: ${reply.message}`);
      return reply.count;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stop; items not yet handled are dropped. */
  async cancel(): Promise<void> {
    this.done = true;
    this.batch = [];
    await this.worker.terminate();
  }

  private flush(): void {
    if (this.batch.length === 0 || this.done) return;
    this.post({ type: 'add', items: this.batch });
    this.batch = [];
  }

  private post(request: BatchRequest<Item, Finish>): void {
    this.worker.postMessage(request);
  }
}

/**
 * The worker's side: `handle` each item as it comes; after the first failure the rest are
 * skipped and `finish` answers with it. `finish` returns the count to reply with.
 */
export function serveBatches<Item, Finish extends object>(port: { on(event: 'message', listener: (request: BatchRequest<Item, Finish>) => void): unknown; postMessage(reply: BatchReply): void }, handle: (item: Item) => void, finish: (request: Finish) => number): void {
  let failure: string | null = null;
  const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
  port.on('message', (request) => {
    if (request.type === 'add') {
      if (failure !== null) return;
      try {
        for (const item of request.items) handle(item);
      } catch (error) {
        failure = message(error);
      }
      return;
    }
    if (failure !== null) {
      port.postMessage({ type: 'failed', message: failure });
      return;
    }
    try {
      port.postMessage({ type: 'done', count: finish(request) });
    } catch (error) {
      port.postMessage({ type: 'failed', message: message(error) });
    }
  });
}
