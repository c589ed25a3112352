// How text becomes search terms. The site's search script (templates/assets/js/search-engine.js)
// applies the same rule to queries and excerpts; test/search-terms.test.ts holds the two equal.
// Accents are folded and case lowered; a word is a run of letters and digits, apostrophes
// inside it dropped ("Yardeni's" → "yardeni", "don't" → "dont"); English sites stem words of
// letters with the Porter stemmer (numbers and tickers with digits stay as written).
import { stemmer } from 'stemmer';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const LETTERS = /^\p{L}+$/u;
/** Text with nothing to fold but case (most of a vault): NFKD would leave it as it is. */
const ASCII = /^[\x00-\x7f]*$/;

/** The words of `text`, folded, in order. */
export function words(text: string): string[] {
  const folded = ASCII.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  const found = folded.match(WORD);
  if (!found) return [];
  const out: string[] = [];
  for (const match of found) {
    const word = match.includes("'") || match.includes('’') ? match.replace(/['’]s$/u, '').replace(/['’]/gu, '') : match;
    if (word !== '') out.push(word);
  }
  return out;
}

/** Whether a site in `language` stems its terms (English only: the stemmer is Porter's). */
export function stemsFor(language: string): boolean {
  return /^en(?:-|$)/i.test(language);
}

/** Word → term, with the stems of words already seen kept (a vault repeats its vocabulary). */
export class TermMaker {
  private readonly seen = new Map<string, string>();

  constructor(readonly stem: boolean) {}

  term(word: string): string {
    if (!this.stem) return word;
    let term = this.seen.get(word);
    if (term === undefined) {
      term = LETTERS.test(word) ? stemmer(word) : word;
      this.seen.set(word, term);
    }
    return term;
  }
}
