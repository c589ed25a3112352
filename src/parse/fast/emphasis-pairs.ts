// Pairs `*` and `_` delimiter runs the way micromark does, in place of markdown-it's
// `balance_pairs`. The two differ on CommonMark's "rule of 3": the spec (and markdown-it)
// use each run's original length, micromark the length left after earlier matches, so
// `**!* 0*x*` is `*<em>!</em> 0<em>x</em>` in markdown-it and `<em><em>!</em> 0</em>x*` in
// remark. remark is the reference, so the fast path follows micromark's
// `resolveAllAttention`: each closing run, left to right, looks back for the nearest run
// that can open with the same marker; a match uses two markers when both runs have two
// or more left, else one, taken from the inner ends; the runs between are then paired
// again among themselves, as they stand (an earlier match may have shortened them), and
// become text; a closing run with markers left looks again.
//
// The result is written as markdown-it's emphasis post-processing reads it: each opening
// marker's `end` is the index of its closing marker, outer pairs around inner ones, so two
// nested adjacent pairs come out as one `strong`.
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

type Delimiter = StateInline['delimiters'][number];

interface Run {
  marker: number;
  /** Markers not yet used are `delimiters[lo]` to `delimiters[hi - 1]`. */
  lo: number;
  hi: number;
  open: boolean;
  close: boolean;
}

function runsOf(delimiters: Delimiter[]): Run[] {
  const runs: Run[] = [];
  for (let index = 0; index < delimiters.length; index++) {
    const delimiter = delimiters[index];
    if (delimiter === undefined) continue;
    const last = runs.at(-1);
    const previous = delimiters[index - 1];
    if (last !== undefined && last.hi === index && last.marker === delimiter.marker && previous !== undefined && previous.token === delimiter.token - 1) {
      last.hi++;
    } else {
      runs.push({ marker: delimiter.marker, lo: index, hi: index + 1, open: delimiter.open, close: delimiter.close });
    }
  }
  return runs;
}

function pairRuns(delimiters: Delimiter[], active: Run[]): void {
  let index = 0;
  while (index < active.length) {
    const closer = active[index];
    const next = closer?.close ? close(delimiters, active, index, closer) : -1;
    index = next === -1 ? index + 1 : next;
  }
}

/** Closes `closer` (at `active[index]`) against the nearest opener that may take it, and
 * returns where to look next: the closer again if it has markers left, else the run
 * after it. -1 when nothing matches. */
function close(delimiters: Delimiter[], active: Run[], index: number, closer: Run): number {
  for (let back = index - 1; back >= 0; back--) {
    const opener = active[back];
    if (opener === undefined || !opener.open || opener.marker !== closer.marker) continue;
    const openSize = opener.hi - opener.lo;
    const closeSize = closer.hi - closer.lo;
    if ((opener.close || closer.open) && closeSize % 3 !== 0 && (openSize + closeSize) % 3 === 0) continue;
    const use = openSize > 1 && closeSize > 1 ? 2 : 1;
    for (let k = 0; k < use; k++) {
      const opening = delimiters[opener.hi - 1 - k];
      if (opening !== undefined) opening.end = closer.lo + k;
    }
    opener.hi -= use;
    closer.lo += use;
    // The runs between are resolved again on their own, as they stand now (earlier
    // matches may have shortened them), then become text.
    pairRuns(delimiters, active.slice(back + 1, index));
    const from = opener.hi === opener.lo ? back : back + 1;
    const to = closer.lo === closer.hi ? index + 1 : index;
    active.splice(from, to - from);
    return from;
  }
  return -1;
}

/** markdown-it's `balance_pairs`, micromark's way: the top level and each link's text. */
export function micromarkPairs(state: StateInline): boolean {
  pairRuns(state.delimiters, runsOf(state.delimiters));
  for (const meta of state.tokens_meta) if (meta !== null) pairRuns(meta.delimiters, runsOf(meta.delimiters));
  return false;
}
