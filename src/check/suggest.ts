// "Did you mean" proposals: the closest note name, alias or heading by edit distance.
import { distance } from 'fastest-levenshtein';

export class Suggester {
  private readonly cache = new Map<string, string | null>();
  private readonly byLength = new Map<number, string[]>();
  private readonly lower = new Map<string, string>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const key = name.toLowerCase();
      if (this.lower.has(key)) continue;
      this.lower.set(key, name);
      const list = this.byLength.get(key.length);
      if (list) list.push(key);
      else this.byLength.set(key.length, [key]);
    }
  }

  /** The closest name within a third of the word's length (at least 2 edits), or null. */
  closest(word: string): string | null {
    const key = word.toLowerCase();
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const budget = Math.max(2, Math.floor(key.length / 3));
    let best: string | null = null;
    let bestDistance = budget + 1;
    for (let length = key.length - budget; length <= key.length + budget; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const edits = distance(key, candidate);
        if (edits < bestDistance || (edits === bestDistance && best !== null && candidate < best)) {
          bestDistance = edits;
          best = candidate;
        }
      }
    }
    const result = best === null ? null : (this.lower.get(best) ?? null);
    this.cache.set(key, result);
    return result;
  }
}

export function closestOf(word: string, names: string[]): string | null {
  return new Suggester(names).closest(word);
}
