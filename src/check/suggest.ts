// "Did you mean" proposals: the closest note name, alias or heading by edit distance.
// A trigram index shortlists candidates so a vault of 10,000 names stays fast.
import { distance } from 'fastest-levenshtein';

const SHORTLIST = 24;

export class Suggester {
  private readonly cache = new Map<string, string | null>();
  private readonly names: string[] = [];
  private readonly keys: string[] = [];
  private readonly grams = new Map<string, number[]>();

  constructor(names: Iterable<string>) {
    const seen = new Set<string>();
    for (const name of names) {
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
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

  /** The closest name within a third of the word's length (at least 2 edits), or null. */
  closest(word: string): string | null {
    const key = word.toLowerCase();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const budget = Math.max(2, Math.floor(key.length / 3));
    let best = -1;
    let bestDistance = budget + 1;
    for (const id of this.shortlist(key, budget)) {
      const candidate = this.keys[id] ?? '';
      const edits = distance(key, candidate);
      if (edits < bestDistance || (edits === bestDistance && best !== -1 && candidate < (this.keys[best] ?? ''))) {
        bestDistance = edits;
        best = id;
      }
    }
    const result = best === -1 ? null : (this.names[best] ?? null);
    this.cache.set(key, result);
    return result;
  }

  /** Candidates sharing the most trigrams with `key` and of a reachable length. */
  private shortlist(key: string, budget: number): number[] {
    const shared = new Map<number, number>();
    for (const gram of trigrams(key)) {
      for (const id of this.grams.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const reachable = [...shared].filter(([id]) => Math.abs((this.keys[id]?.length ?? 0) - key.length) <= budget);
    reachable.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return reachable.slice(0, SHORTLIST).map(([id]) => id);
  }
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
