// Small search indexes for the engine's tests: made by the build's own SearchIndexBuilder
// (search-index/ meta.json, terms/{c}.json, pages/{f}.json), served from memory.
import { SearchIndexBuilder, type SearchMeta } from '../../src/publish/search/index-builder.js';

export interface SectionSpec {
  anchor: string;
  heading: string;
  text: string;
}

export interface PageSpec {
  url: string;
  title: string;
  aliases?: string[];
  sections: SectionSpec[];
}

export interface IndexOptions {
  /** First term of each chunk; the first must be "". */
  chunks?: string[];
  pagesPerFile?: number;
  stem?: boolean;
}

export type Meta = SearchMeta;

export interface BuiltIndex {
  meta: Meta;
  /** Path under search-index/ → its JSON. */
  files: Map<string, unknown>;
  /** term → [page, weight, …], as written into the chunks. */
  postings: Map<string, number[]>;
}

/** The index the build writes for these pages (SearchIndexBuilder), its terms re-cut at `chunks` when given. */
export function buildIndex(pages: PageSpec[], options: IndexOptions = {}): BuiltIndex {
  const builder = new SearchIndexBuilder('en', options.stem ?? true, { pagesPerFile: options.pagesPerFile });
  for (const page of pages) builder.add({ aliases: [], ...page });
  const files = new Map<string, unknown>();
  const postings = new Map<string, number[]>();
  let meta: Meta | null = null;
  for (const file of builder.files()) {
    const data: unknown = JSON.parse(file.content);
    if (file.path === 'meta.json') meta = data as Meta;
    else if (file.path.startsWith('terms/')) for (const [term, list] of Object.entries(data as Record<string, number[]>)) postings.set(term, list);
    else files.set(file.path, data);
  }
  if (!meta) throw new Error('no meta.json');
  const chunks = options.chunks ?? meta.chunks;
  const chunkFiles = chunks.map((): Record<string, number[]> => ({}));
  for (const [term, list] of [...postings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let c = 0;
    while (c + 1 < chunks.length && (chunks[c + 1] ?? '') <= term) c += 1;
    const file = chunkFiles[c];
    if (file) file[term] = list;
  }
  for (const [c, file] of chunkFiles.entries()) files.set(`terms/${c}.json`, file);
  meta = { ...meta, chunks };
  files.set('meta.json', meta);
  return { meta, files, postings };
}

/** An in-memory fetchJson for `index` at `{base}search-index/`, logging the paths it was asked for. */
export function serveIndex(index: BuiltIndex, base: string): { fetchJson: (url: string) => Promise<unknown>; fetched: string[] } {
  const root = new URL('search-index/', base).href;
  const fetched: string[] = [];
  const fetchJson = async (url: string): Promise<unknown> => {
    if (!url.startsWith(root)) throw new Error(`outside the index: ${url}`);
    const path = url.slice(root.length);
    fetched.push(path);
    if (!index.files.has(path)) throw new Error(`404 ${url}`);
    return structuredClone(index.files.get(path));
  };
  return { fetchJson, fetched };
}
