// Saves the site's pages off the rendering thread. Eleventy renders each page on the main
// thread; writing it (a folder and a file per page, 20,000 of them at 10,000 notes) is system
// calls that a worker thread makes while the main thread renders the next pages. A message to
// the worker is delivered while the main thread is busy, so pages are written as they come
// and do not pile up in memory (threads/write.worker.ts). Where threads are not used
// (threads/mode.ts) the files are written in this thread.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BatchStream } from '../../threads/batch-stream.js';
import { workerModule } from '../../threads/mode.js';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  content: string;
}

export interface FileWriter {
  write(file: OutputFile): void;
  /** When the files given and not yet written are many, resolves once the writer has caught
   * up; null when it need not be waited for. */
  ready(): Promise<void> | null;
  /** Wait until every file is on disk. Returns how many were written; throws the first failure. */
  finish(): Promise<number>;
  /** Stop; files not yet written are dropped, and so are files given later (Eleventy may
   * still hand over pages it was rendering when another failed: written, they would bring
   * back a staging folder the failed build has removed). */
  cancel(): Promise<void>;
}

/** Files per message: fewer messages, while the worker is never far behind. */
const BATCH = 8;
/** Characters of pages sent to the writer thread and not yet written past which Eleventy waits:
 * on a slow disk the pages queued for the writer were hundreds of MB (gen10k, a loaded machine). */
const BACKLOG = 16 * 2 ** 20;

export function startFileWriter(): FileWriter {
  const url = workerModule('write');
  return url ? new WorkerWriter(url) : new InThreadWriter();
}

/** Writes files, making each folder once. */
export class FolderCache {
  private readonly made = new Set<string>();

  write(file: OutputFile): void {
    const folder = dirname(file.path);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    writeFileSync(file.path, file.content);
  }
}

class WorkerWriter implements FileWriter {
  private readonly worker: BatchStream<OutputFile, Record<string, never>>;
  private cancelled = false;

  constructor(url: URL) {
    this.worker = new BatchStream(url, 'Writing the site', BATCH, undefined, (file) => file.content.length);
  }

  write(file: OutputFile): void {
    if (!this.cancelled) this.worker.add(file);
  }

  ready(): Promise<void> | null {
    return this.cancelled ? null : this.worker.drained(BACKLOG);
  }

  finish(): Promise<number> {
    return this.worker.finish({});
  }

  cancel(): Promise<void> {
    this.cancelled = true;
    return this.worker.cancel();
  }
}

class InThreadWriter implements FileWriter {
  private readonly folders = new FolderCache();
  private written = 0;
  private cancelled = false;

  write(file: OutputFile): void {
    if (this.cancelled) return;
    this.folders.write(file);
    this.written++;
  }

  ready(): null {
    return null;
  }

  async finish(): Promise<number> {
    return this.written;
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
  }
}
