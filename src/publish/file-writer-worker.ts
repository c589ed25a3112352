// Worker thread of file-writer.ts: writes the files the main thread posts, in order.
import { parentPort } from 'node:worker_threads';
import { FolderCache, type OutputFile } from './file-writer.js';

export type WriterRequest = { type: 'write'; files: OutputFile[] } | { type: 'finish' };
export type WriterReply = { type: 'done'; written: number } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('file-writer-worker.js runs as a worker thread');
const folders = new FolderCache();
let written = 0;
let failure: string | null = null;

port.on('message', (request: WriterRequest) => {
  if (request.type === 'write') {
    if (failure !== null) return;
    try {
      for (const file of request.files) {
        folders.write(file);
        written++;
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    return;
  }
  port.postMessage((failure === null ? { type: 'done', written } : { type: 'failed', message: failure }) satisfies WriterReply);
});
