// One long-lived worker thread and the calling side of the protocol (protocol.ts): typed
// requests that resolve to the worker's result (with progress on the way), posts that get no
// reply, and the worker's side, serve(). A worker keeps its state between requests (the note
// worker keeps the trees it parsed), which is why a pool here is a set of these threads that
// the caller addresses one by one, not a task queue (see README "How publishing is built").
import { parentPort, Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { AlmanacError } from '../errors.js';
import { fromThreadError, isReply, isRequest, toThreadError, type ReplyEnvelope, type RequestEnvelope, type Tasks } from './protocol.js';

interface Pending {
  label: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  progress?: (progress: unknown) => void;
}

export interface RequestOptions<Progress> {
  /** Says what is being done in error messages ("Parsing notes"); the thread's label by default. */
  label?: string;
  onProgress?: (progress: Progress) => void;
  /** Moved to the worker, not copied (ArrayBuffers). */
  transfer?: Transferable[];
}

const started = new Map<string, number>();

/** How many threads each worker module (by file name: "note.worker.js") has started in this
 * process: tests use it to see that work really went to threads. */
export function startedThreads(): ReadonlyMap<string, number> {
  return started;
}

export class Thread<T extends Tasks> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the thread failed or stopped: every later request fails with it. */
  private failure: Error | null = null;
  private closed = false;

  /** `url`: the worker module (mode.ts workerModule); `label` starts error messages. */
  constructor(
    url: URL,
    private readonly label: string,
    workerData?: unknown,
    /** A heap cap: a worker that outgrows it fails with an error isOutOfMemory() tells. */
    resourceLimits?: ResourceLimits,
  ) {
    this.worker = new Worker(url, resourceLimits ? { workerData, resourceLimits } : { workerData });
    const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    started.set(name, (started.get(name) ?? 0) + 1);
    this.worker.on('message', (message: unknown) => this.receive(message));
    this.worker.on('error', (error: Error) => this.fail(new AlmanacError(`${label}: a worker thread failed: ${error.message}`, { cause: error })));
    this.worker.on('exit', (code) => this.fail(new AlmanacError(`${label}: the worker thread stopped (exit code ${code})`)));
  }

  request<K extends keyof T & string>(type: K, body: T[K]['request'], options: RequestOptions<T[K]['progress']> = {}): Promise<T[K]['result']> {
    const label = options.label ?? this.label;
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new AlmanacError(`${label}: the worker thread was closed`));
    const id = this.nextId++;
    return new Promise<T[K]['result']>((resolve, reject) => {
      const pending: Pending = { label, resolve: (result) => resolve(result as T[K]['result']), reject };
      const onProgress = options.onProgress;
      if (onProgress) pending.progress = (progress) => onProgress(progress as T[K]['progress']);
      this.pending.set(id, pending);
      this.send({ id, type, body }, options.transfer);
    });
  }

  /** Send without waiting for a reply; a failure is the worker's to report on a later request. */
  post<K extends keyof T & string>(type: K, body: T[K]['request'], transfer?: Transferable[]): void {
    if (this.failure || this.closed) return;
    this.send({ id: 0, type, body }, transfer);
  }

  /** Stop the thread; requests still open fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectAll(new AlmanacError(`${this.label}: the worker thread was closed`));
    await this.worker.terminate();
  }

  private send(envelope: RequestEnvelope<T>, transfer?: Transferable[]): void {
    this.worker.postMessage(envelope, transfer);
  }

  private receive(message: unknown): void {
    if (!isReply(message)) {
      this.fail(new AlmanacError(`${this.label}: the worker thread sent an unknown message`));
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      try {
        pending.progress?.(message.progress);
      } catch (error) {
        this.pending.delete(message.id);
        pending.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.result);
    else pending.reject(fromThreadError(pending.label, message.error));
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.failure ??= error;
    this.rejectAll(this.failure);
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(error);
  }
}

/** Whether `error` (or what caused it) is a worker thread running out of its capped heap. */
export function isOutOfMemory(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 8; at = at.cause, depth++) {
    if ((at as Error & { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') return true;
  }
  return false;
}

/** What a task's handler gets besides the request: a way to report progress. */
export type Handlers<T extends Tasks> = {
  [K in keyof T]: (body: T[K]['request'], progress: (progress: T[K]['progress']) => void) => T[K]['result'] | Promise<T[K]['result']>;
};

/** The worker's side: answer each request with its handler's result or failure. Requests are
 * handled in the order they come (a handler that returns a promise is awaited first). */
export function serve<T extends Tasks>(handlers: Handlers<T>): void {
  const port = parentPort;
  if (!port) throw new Error('a worker module runs as a worker thread');
  let queue: Promise<void> = Promise.resolve();
  const reply = (envelope: ReplyEnvelope): void => port.postMessage(envelope);
  const handle = async (request: RequestEnvelope<T>): Promise<void> => {
    const progress = (value: unknown): void => {
      if (request.id !== 0) reply({ id: request.id, type: 'progress', progress: value });
    };
    try {
      const handler = handlers[request.type];
      if (typeof handler !== 'function') throw new Error(`unknown request "${String(request.type)}"`);
      const result = await handler(request.body, progress);
      if (request.id !== 0) reply({ id: request.id, type: 'done', result });
    } catch (error) {
      if (request.id !== 0) reply({ id: request.id, type: 'failed', error: toThreadError(error) });
    }
  };
  port.on('message', (message: unknown) => {
    if (!isRequest(message)) return;
    const request = message as RequestEnvelope<T>;
    queue = queue.then(() => handle(request));
  });
}
