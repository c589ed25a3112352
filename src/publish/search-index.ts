// Pagefind indexes the written note pages (only they carry data-pagefind-body, so
// listings and redirects stay out) into `{out}/pagefind/`. One Pagefind service per
// process, so runs are queued.
import { join } from 'node:path';
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
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new AlmanacError(`Search index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
