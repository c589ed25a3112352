// Turning note pages into search documents, and the index into files under `{out}/search-index/`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Replace `{outDir}/search-index/` with the index's files. Returns the number of pages in it. */
export function writeIndex(index: SearchIndexBuilder, outDir: string): number {
  const target = join(outDir, SEARCH_DIR);
  rmSync(target, { recursive: true, force: true });
  for (const folder of ['terms', 'pages']) mkdirSync(join(target, folder), { recursive: true });
  for (const file of index.files()) writeFileSync(join(target, file.path), file.content);
  return index.size;
}
