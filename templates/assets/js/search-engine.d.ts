// Types of search-engine.js, for the TypeScript tests that import it (the build does not
// copy .d.ts files into the site).

/** Porter's stemmer, or any word → stem function the index was built with. */
export type Stemmer = (word: string) => string;

/** The words of `text`, folded (accents dropped, lower case), in order. */
export function words(text: string): string[];

/** The index term of a folded word: its stem when `stem` is given and the word is all letters. */
export function termOf(word: string, stem: Stemmer | null): string;

/** Text made safe to place in HTML. */
export function escapeHtml(text: string): string;

/** About 30 words of `text` around its first word for which `isMatch` holds, as escaped HTML with <mark>s. */
export function excerpt(text: string, isMatch: (written: string) => boolean): string;

export interface SearchEngineOptions {
  /** The site's base URL, e.g. `http://host/` or `http://host/prefix/`; the index is at `{base}search-index/`. */
  base: string | URL;
  /** Resolves to the parsed JSON at an absolute URL; rejects when it cannot be had. */
  fetchJson: (url: string) => Promise<unknown>;
  /** Required when the index is stemmed (meta.json's `stem`). */
  stemmer?: Stemmer | null;
}

export interface SearchResult {
  /** The page's id in the index. */
  id: number;
  /** Absolute URL of the page. */
  url: string;
  title: string;
  /** The alias that matched, when the title did not. */
  alias: string | null;
  score: number;
  /** The best-matching section, unless that is the page's first. */
  section: { heading: string; url: string } | null;
  /** HTML: escaped text with the matching words in <mark>. */
  excerpt: string;
}

export interface SearchResults {
  query: string;
  /** How many pages match. */
  total: number;
  /** Results offset … offset + limit - 1, best first (defaults 0 and 10). */
  results(offset?: number, limit?: number): Promise<SearchResult[]>;
}

export interface SearchEngine {
  search(query: string): Promise<SearchResults>;
  /** Fetches meta.json ahead of the first search; rejects if the index is missing or not one. */
  preload(): Promise<void>;
}

export function createSearchEngine(options: SearchEngineOptions): SearchEngine;
