// A worker thread fed items in batches while this thread goes on (the site writer, the search
// index). A message to a worker is delivered even while this thread is busy in synchronous
// code (Eleventy rendering), so the worker keeps up as items come. Batches are posts (no
// reply); `finish` is the one request, and it answers with the first failure, if any: after a
// failure the worker skips the items that follow.
import type { Task } from './protocol.js';
import { serve, Thread } from './thread.js';

export type BatchTasks<Item, Finish> = {
  add: Task<Item[], void>;
  finish: Task<Finish, number>;
};

export class BatchStream<Item, Finish> {
  private readonly thread: Thread<BatchTasks<Item, Finish>>;
  private batch: Item[] = [];
  private done = false;
  /** With `sizeOf`: the size of the batches sent and not yet handled, and who waits for it to shrink. */
  private inFlight = 0;
  private waiting: Array<{ limit: number; resolve: () => void }> = [];

  /** `label` starts error messages: "Search index", "Writing the site". */
  constructor(
    url: URL,
    private readonly label: string,
    private readonly batchSize: number,
    workerData?: unknown,
    /** Given, each batch is acknowledged once handled, and `drained` can wait for the worker to catch up. */
    private readonly sizeOf?: (item: Item) => number,
  ) {
    this.thread = new Thread(url, label, workerData);
  }

  /** Resolves once the items sent and not yet handled add up to at most `limit` (by `sizeOf`);
   * null when they already do. A failed worker ends every wait (finish reports the failure). */
  drained(limit: number): Promise<void> | null {
    if (!this.sizeOf || this.inFlight <= limit) return null;
    return new Promise((resolve) => this.waiting.push({ limit, resolve }));
  }

  add(item: Item): void {
    if (this.done) throw new Error(`${this.label}: already finished`);
    this.batch.push(item);
    if (this.batch.length >= this.batchSize) this.flush();
  }

  /** Send what is left and finish; resolves to the worker's count, or throws its first failure. */
  async finish(finish: Finish): Promise<number> {
    this.flush();
    this.done = true;
    try {
      return await this.thread.request('finish', finish);
    } finally {
      await this.thread.close();
    }
  }

  /** Stop; items not yet handled are dropped. */
  async cancel(): Promise<void> {
    this.done = true;
    this.batch = [];
    await this.thread.close();
  }

  private flush(): void {
    if (this.batch.length === 0 || this.done) return;
    const sizeOf = this.sizeOf;
    if (sizeOf) {
      let size = 0;
      for (const item of this.batch) size += sizeOf(item);
      this.inFlight += size;
      const handled = (): void => this.handled(size);
      this.thread.request('add', this.batch).then(handled, () => this.handled(Number.POSITIVE_INFINITY));
    } else this.thread.post('add', this.batch);
    this.batch = [];
  }

  private handled(size: number): void {
    this.inFlight = Math.max(0, this.inFlight - size);
    const ready = this.waiting.filter((wait) => this.inFlight <= wait.limit);
    this.waiting = this.waiting.filter((wait) => this.inFlight > wait.limit);
    for (const wait of ready) wait.resolve();
  }
}

/** The worker's side: `handle` each item as it comes; `finish` returns the count to reply with. */
export function serveBatches<Item, Finish>(handle: (item: Item) => void, finish: (request: Finish) => number): void {
  let failure: unknown = null;
  serve<BatchTasks<Item, Finish>>({
    add: (items) => {
      if (failure !== null) return;
      try {
        for (const item of items) handle(item);
      } catch (error) {
        failure = error;
      }
    },
    finish: (request) => {
      if (failure !== null) throw failure;
      return finish(request);
    },
  });
}
