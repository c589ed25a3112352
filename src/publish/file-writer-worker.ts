// Worker thread of file-writer.ts: writes the files the main thread posts, in order.
import { parentPort } from 'node:worker_threads';
import { serveBatches } from './batch-worker.js';
import { FolderCache, type OutputFile } from './file-writer.js';

const port = parentPort;
if (!port) throw new Error('file-writer-worker.js runs as a worker thread');
const folders = new FolderCache();
let written = 0;
serveBatches<OutputFile, object>(
  port,
  (file) => {
    folders.write(file);
    written++;
  },
  () => written,
);
