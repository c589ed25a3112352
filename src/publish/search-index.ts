// Pagefind indexes the written note pages (only they carry data-pagefind-body, so
// listings and redirects stay out) into `{out}/pagefind/`. One Pagefind service per
// process, so runs are queued. The files come back through getFiles() and are written
// here: the service's own writeFiles() can answer before its writes are flushed, and
// closing the service then left truncated files (pagefind-ui.js cut at 64 KiB).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { AlmanacError } from '../errors.js';

let queue: Promise<unknown> = Promise.resolve();

export async function indexSite(outDir: string, language: string): Promise<number> {
  const run = queue.then(() => runPagefind(outDir, language));
  queue = run.catch(() => undefined);
  return run;
}

async function runPagefind(outDir: string, language: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    const index = created.index;
    if (!index) throw new AlmanacError(`Search index: ${created.errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new AlmanacError(`Search index: ${added.errors.join('; ')}`);
    const output = await index.getFiles();
    if (output.errors.length > 0) throw new AlmanacError(`Search index: ${output.errors.join('; ')}`);
    const target = join(outDir, 'pagefind');
    rmSync(target, { recursive: true, force: true });
    for (const file of output.files) {
      const path = join(target, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
