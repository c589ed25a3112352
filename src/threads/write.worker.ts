// Worker thread of publish/emit/file-writer.ts: writes the files the main thread posts, in order.
import { FolderCache, type OutputFile } from '../publish/emit/file-writer.js';
import { serveBatches } from './batch-stream.js';
import { tracePhase, traceThread } from '../publish/build/trace.js';

const folders = new FolderCache();
let written = 0;
traceThread('writer');
serveBatches<OutputFile, Record<string, never>>(
  (file) => {
    folders.write(file);
    written++;
  },
  () => {
    tracePhase('written', written);
    return written;
  },
);
