// "Did you mean" proposals: the closest note name, alias or heading, offered only when it is
// close (see isClose), written in the syntax of the link it replaces (see suggestLink).
// A trigram index shortlists candidates so a vault of 10,000 names stays fast.
import type { LinkRef } from '../parse/types.js';
import { stripInvisible } from '../invisible.js';

const SHORTLIST = 24;
/** Shortest word that can make two names "share a word". */
const MIN_WORD = 4;

/** How names are compared: invisible characters dropped, case ignored. */
function keyOf(name: string): string {
  return stripInvisible(name).trim().toLowerCase();
}

export class Suggester {
  private readonly cache = new Map<string, string | null>();
  private readonly names: string[] = [];
  private readonly keys: string[] = [];
  private readonly grams = new Map<string, number[]>();
  private counts: Uint32Array | null = null;

  constructor(names: Iterable<string>) {
    const seen = new Set<string>();
    for (const name of names) {
      const key = keyOf(name);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const id = this.keys.length;
      this.names.push(name);
      this.keys.push(key);
      for (const gram of trigrams(key)) {
        const list = this.grams.get(gram);
        if (list) list.push(id);
        else this.grams.set(gram, [id]);
      }
    }
  }

  /** The closest name that is close to `word` (isClose: `word` is the name as written), or null. Ties go to the name first in code-point order. */
  closest(word: string): string | null {
    const key = keyOf(word);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let best = -1;
    let bestDistance = Infinity;
    for (const id of this.shortlist(key, Math.ceil([...key].length / 2))) {
      const candidate = this.keys[id] ?? '';
      const edits = editDistance(key, candidate);
      if (!isCloseAt(key, candidate, edits)) continue;
      if (edits < bestDistance || (edits === bestDistance && candidate < (this.keys[best] ?? ''))) {
        bestDistance = edits;
        best = id;
      }
    }
    const result = best === -1 ? null : (this.names[best] ?? null);
    this.cache.set(key, result);
    return result;
  }

  /** Candidates sharing the most trigrams with `key` and of a reachable length (ties: first name first). */
  private shortlist(key: string, budget: number): number[] {
    // Counts in one array kept between calls (zeroed again on the way out): common trigrams
    // (` an`, `and`) list thousands of names, and a Map per lookup cost more than the rest of check.
    this.counts ??= new Uint32Array(this.keys.length);
    const counts = this.counts;
    const touched: number[] = [];
    for (const gram of trigrams(key)) {
      for (const id of this.grams.get(gram) ?? []) {
        const count = counts[id] ?? 0;
        if (count === 0) touched.push(id);
        counts[id] = count + 1;
      }
    }
    const reachable = touched.filter((id) => Math.abs((this.keys[id]?.length ?? 0) - key.length) <= budget);
    reachable.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
    for (const id of touched) counts[id] = 0;
    return reachable.slice(0, SHORTLIST);
  }
}

/**
 * Close: (1) at most one edit per three characters of the name as written (Levenshtein, a swap
 * of two neighbouring characters counting as one edit), and (2) the two share a word of at
 * least four characters, a word one edit off counting as shared. So `Setpu` → `Setup` and
 * `Sector Rotaton` → `Sector Rotation`, but not `Japan` → `Catan` (two edits in five) nor
 * `link` → `ink` (no word of four characters in common) nor `Conference sessions` →
 * `Conference Session Template` (nine edits in nineteen).
 */
export function isClose(wanted: string, candidate: string): boolean {
  const a = keyOf(wanted);
  const b = keyOf(candidate);
  return isCloseAt(a, b, editDistance(a, b));
}

function isCloseAt(a: string, b: string, edits: number): boolean {
  if (edits === 0) return true;
  if (edits > Math.floor([...a].length / 3)) return false;
  const theirs = wordsOf(b);
  return wordsOf(a).some((word) => theirs.some((other) => editDistance(word, other) <= 1));
}

function wordsOf(key: string): string[] {
  return key.split(/[^\p{L}\p{N}]+/u).filter((word) => [...word].length >= MIN_WORD);
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Trigrams of ` key ` (padded so short words and word edges count). */
function trigrams(key: string): Set<string> {
  const padded = ` ${key} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  return grams;
}

export function closestOf(word: string, names: string[]): string | null {
  return new Suggester(names).closest(word);
}

/** Where a suggested link goes: a note (its name or path, no `.md`; `''` for the same note) and a subpath. */
export interface SuggestedTarget {
  note: string;
  /** `Setup`, `Setup#Linux` or `^block-id`; null for the whole note. */
  subpath: string | null;
  /** Display text; undefined keeps the link's own. */
  display?: string | null;
}

/**
 * The replacement for `link`, in its own syntax: `[[Note#Heading|display]]` for a wikilink
 * (`![[…]]` for an embed, also in frontmatter), `[display](Note%20name.md#Heading)` for a
 * Markdown link (spaces and the characters a URL cannot hold percent-encoded, as Obsidian writes them).
 */
export function suggestLink(link: Pick<LinkRef, 'kind' | 'display'>, to: SuggestedTarget): string {
  const display = to.display === undefined ? link.display : to.display;
  if (link.kind === 'markdown') {
    const path = to.note === '' ? '' : `${encodeUrlPart(to.note)}.md`;
    const fragment = to.subpath === null ? '' : `#${encodeUrlPart(to.subpath, /[\s%()<>[\]|\\]/gu)}`;
    return `[${display ?? ''}](${path}${fragment})`;
  }
  const subpath = to.subpath === null ? '' : `#${to.subpath}`;
  const shown = display ? `|${display}` : '';
  return `${link.kind === 'embed' ? '!' : ''}[[${to.note}${subpath}${shown}]]`;
}

/** Percent-encode what a Markdown link's URL cannot hold as is (a fragment keeps its `#` and `^`). */
function encodeUrlPart(text: string, unsafe = /[\s%()<>[\]#^|\\]/gu): string {
  return text.replace(unsafe, (char) => encodeURIComponent(char));
}
