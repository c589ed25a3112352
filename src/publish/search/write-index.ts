// Turning note pages into search documents, and the index into files under `{out}/search-index/`.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import { SEARCH_DIR, SearchIndexBuilder, type SearchDocument } from './index-builder.js';
import { pageSections } from './page-text.js';
import { stemsFor } from './words.js';

/** What the index needs of a note page (all of it cheap to copy to a worker thread). */
export interface PageForSearch {
  url: string;
  title: string;
  titleId: string | null;
  aliases: string[];
  html: string;
}

export function searchDocument(page: PageForSearch): SearchDocument {
  return { url: page.url, title: page.title, aliases: page.aliases, sections: pageSections(page.html, page.title, page.titleId ?? '') };
}

export function newIndex(language: string): SearchIndexBuilder {
  return new SearchIndexBuilder(language, stemsFor(language));
}

/**
 * Replace `{outDir}/search-index/` with the index's files. Returns the number of pages in it.
 * The files are written into a hidden folder beside it first (a full clean of the output
 * keeps dotfiles), then swapped in: readers, and a failed write, never see half an index.
 */
export function writeIndex(index: SearchIndexBuilder, outDir: string): number {
  const target = join(outDir, SEARCH_DIR);
  const staging = join(outDir, `.${SEARCH_DIR}-${process.pid}-${threadId}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const folder of ['terms', 'names', 'pages']) mkdirSync(join(staging, folder), { recursive: true });
    for (const file of index.files()) writeFileSync(join(staging, file.path), file.content);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return index.size;
}
