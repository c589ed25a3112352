// One Pagefind index, fed documents as they come and written once at the end. It uses the
// Pagefind service of the thread it runs in (search-worker.ts, or the main thread when no
// worker can be started); the service parses the documents one at a time, in its own
// process. The files come back through getFiles() and are written here: the service's own
// writeFiles() can answer before its writes are flushed, and closing the service then left
// truncated files (pagefind-ui.js cut at 64 KiB).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { AlmanacError } from '../errors.js';

/** An HTML document for Pagefind, and the URL its search results link to. */
export interface SearchDocument {
  url: string;
  content: string;
}

/** Documents handed to the service at a time: it parses one at a time, so a few keep it busy; the rest wait here. */
const IN_FLIGHT = 4;

export class PagefindRun {
  private readonly waiting: SearchDocument[] = [];
  private inFlight = 0;
  private added = 0;
  private failure: string | null = null;
  private onIdle: (() => void) | null = null;

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async open(language: string): Promise<PagefindRun> {
    const created = await pagefind.createIndex({ forceLanguage: language });
    if (!created.index) throw new AlmanacError(`Search index: ${created.errors.join('; ')}`);
    return new PagefindRun(created.index);
  }

  /** Hand documents to Pagefind; it parses them while the caller goes on. */
  add(documents: readonly SearchDocument[]): void {
    for (const document of documents) this.waiting.push(document);
    this.pump();
  }

  /** Build the index from every document added and write it to `{outDir}/pagefind/`. Returns the number of documents. */
  async finish(outDir: string): Promise<number> {
    await new Promise<void>((resolve) => {
      this.onIdle = resolve;
      this.pump();
    });
    if (this.failure !== null) throw new AlmanacError(`Search index: ${this.failure}`);
    const output = await this.index.getFiles();
    if (output.errors.length > 0) throw new AlmanacError(`Search index: ${output.errors.join('; ')}`);
    const target = join(outDir, 'pagefind');
    rmSync(target, { recursive: true, force: true });
    for (const file of output.files) {
      const path = join(target, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    return this.added;
  }

  private pump(): void {
    while (this.inFlight < IN_FLIGHT) {
      const document = this.waiting.shift();
      if (!document) break;
      this.inFlight++;
      void this.index
        .addHTMLFile(document)
        .then(
          (response) => {
            if (response.errors.length > 0) this.failure ??= `${document.url}: ${response.errors.join('; ')}`;
            else this.added++;
          },
          (error: unknown) => {
            this.failure ??= error instanceof Error ? error.message : String(error);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
    if (this.inFlight === 0 && this.waiting.length === 0) this.onIdle?.();
  }
}

/** Stop this thread's Pagefind service (the next index starts a new one). */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
