// Almanac's search index: static, chunked files a browser loads a few at a time
// (templates/assets/js/search-engine.js reads them). Built in one pass as pages arrive; no
// step looks at more than one page, or one term, at a time. The format, under
// `{out}/search-index/`:
//   meta.json        {format, language, stem, pages, pagesPerFile, averageLength, lengths, chunks, names}
//                    lengths[id]: words on page `id`; chunks[c]: the first term of terms/{c}.json
//                    (chunk c holds the terms t with chunks[c] <= t < chunks[c + 1]); names[c]:
//                    the first name of names/{c}.json, cut the same way.
//   terms/{c}.json   {term: [page, weight, page, weight, …]}, pages ascending. weight: 1 per use
//                    in the text, +HEADING_WEIGHT in a heading, +TITLE_WEIGHT in the title or an alias.
//   names/{c}.json   {name: [page, …]}: each title and alias as its folded words joined by
//                    single spaces ("sector rotation"), unstemmed: exact and prefix matches of
//                    a page's name rank first.
//   pages/{f}.json   [{url, title, aliases, sections: [{anchor, heading, text}]}] for pages
//                    f·pagesPerFile …; url is relative to the site's base.
import type { PageSection } from './page-text.js';
import { TermMaker, words } from './words.js';

export const SEARCH_FORMAT = 1;
export const SEARCH_DIR = 'search-index';
export const PAGES_PER_FILE = 16;
export const TITLE_WEIGHT = 10;
export const HEADING_WEIGHT = 4;
/** A terms file is closed once it passes this many characters (one very common term may make it larger). */
const CHUNK_CHARS = 32_000;

/** One page as search knows it. */
export interface SearchDocument {
  url: string;
  title: string;
  aliases: string[];
  sections: PageSection[];
}

/** meta.json. */
export interface SearchMeta {
  format: number;
  language: string;
  /** Whether terms are Porter stems (English sites). */
  stem: boolean;
  pages: number;
  pagesPerFile: number;
  averageLength: number;
  /** Words on each page, by page id. */
  lengths: number[];
  /** The first term of each terms/{c}.json. */
  chunks: string[];
  /** The first name of each names/{c}.json. */
  names: string[];
}

export interface IndexFile {
  /** Relative to `{out}/search-index/`. */
  path: string;
  content: string;
}

export class SearchIndexBuilder {
  private readonly terms: TermMaker;
  private readonly postings = new Map<string, number[]>();
  private readonly names = new Map<string, number[]>();
  private readonly lengths: number[] = [];
  /** pages/{f}.json files already complete, and the pages of the one being filled. */
  private readonly pageFiles: string[] = [];
  private pending: SearchDocument[] = [];

  private readonly pagesPerFile: number;

  constructor(
    private readonly language: string,
    stem: boolean,
    options: { pagesPerFile?: number | undefined } = {},
  ) {
    this.terms = new TermMaker(stem);
    this.pagesPerFile = options.pagesPerFile ?? PAGES_PER_FILE;
  }

  get size(): number {
    return this.lengths.length;
  }

  add(document: SearchDocument): void {
    const id = this.lengths.length;
    const weights = new Map<string, number>();
    let length = 0;
    const count = (text: string, weight: number): void => {
      for (const word of words(text)) {
        const term = this.terms.term(word);
        weights.set(term, (weights.get(term) ?? 0) + weight);
        length++;
      }
    };
    count(document.title, TITLE_WEIGHT + 1);
    for (const alias of document.aliases) count(alias, TITLE_WEIGHT + 1);
    for (const name of new Set([document.title, ...document.aliases].map((text) => words(text).join(' ')))) {
      if (name === '') continue;
      const list = this.names.get(name);
      if (list) list.push(id);
      else this.names.set(name, [id]);
    }
    document.sections.forEach((section, index) => {
      if (index > 0) count(section.heading, HEADING_WEIGHT + 1);
      count(section.text, 1);
    });
    for (const [term, weight] of weights) {
      const list = this.postings.get(term);
      if (list) list.push(id, weight);
      else this.postings.set(term, [id, weight]);
    }
    this.lengths.push(length);
    this.pending.push(document);
    if (this.pending.length === this.pagesPerFile) this.closePageFile();
  }

  /** Every file of the index, meta.json first. */
  files(): IndexFile[] {
    if (this.pending.length > 0) this.closePageFile();
    const terms = chunked('terms', this.postings);
    const names = chunked('names', this.names);
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    const meta: SearchMeta = {
      format: SEARCH_FORMAT,
      language: this.language,
      stem: this.terms.stem,
      pages: this.lengths.length,
      pagesPerFile: this.pagesPerFile,
      averageLength: this.lengths.length === 0 ? 0 : Math.round((total / this.lengths.length) * 100) / 100,
      lengths: this.lengths,
      chunks: terms.bounds,
      names: names.bounds,
    };
    return [
      { path: 'meta.json', content: `${JSON.stringify(meta)}\n` },
      ...terms.files,
      ...names.files,
      ...this.pageFiles.map((content, index) => ({ path: `pages/${index}.json`, content })),
    ];
  }

  private closePageFile(): void {
    this.pageFiles.push(`${JSON.stringify(this.pending)}\n`);
    this.pending = [];
  }
}

/** `{folder}/{c}.json` files of the sorted keys of `lists`, and the first key of each (the first is ''). */
function chunked(folder: string, lists: Map<string, number[]>): { files: IndexFile[]; bounds: string[] } {
  const bounds: string[] = [];
  const files: IndexFile[] = [];
  let entries: string[] = [];
  let size = 0;
  const close = (): void => {
    files.push({ path: `${folder}/${files.length}.json`, content: `{${entries.join(',')}}\n` });
    entries = [];
    size = 0;
  };
  const sorted = [...lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of sorted) {
    if (entries.length === 0) bounds.push(bounds.length === 0 ? '' : key);
    const entry = `${JSON.stringify(key)}:[${(lists.get(key) ?? []).join(',')}]`;
    entries.push(entry);
    size += entry.length + 1;
    if (size >= CHUNK_CHARS) close();
  }
  if (entries.length > 0 || bounds.length === 0) {
    if (bounds.length === 0) bounds.push('');
    close();
  }
  return { files, bounds };
}
