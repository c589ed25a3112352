// Feed markers that do not make a region (unclosed, duplicated, stray, malformed, unknown
// attributes): each is a problem at its line, so a broken marker is never a silent no-op.
import { visit } from 'unist-util-visit';
import type { ParsedNote } from '../parse/types.js';
import { FEED_END, FEED_START } from './marker.js';

export interface MarkerProblem {
  line: number;
  /** The feed the marker names, when it names one. */
  feed: string | null;
  message: string;
}

/** Attributes a start marker may carry. */
const KNOWN_ATTRIBUTES = new Set(['updated']);
/**
 * Comments meant as feed markers: `<!-- feed:…`, `<!-- /feed…`, or `<!-- feed NAME -->` (the
 * colon forgotten). A comment that merely starts with the word (`<!-- feed the cat -->`) is not.
 */
const MARKER_LIKE = /^<!--\s*(?:\/\s*feed\b|feed\s*:|feed\s+[\w.-]+\s*-->$)/i;

export function markerProblems(note: ParsedNote): MarkerProblem[] {
  const problems: MarkerProblem[] = [];
  const shift = note.bodyLine - 1;
  const state: { open: OpenMarker | null } = { open: null };
  visit(note.tree, 'html', (node) => {
    const value = node.value.trim();
    const line = (node.position?.start.line ?? 1) + shift;
    if (MARKER_LIKE.test(value)) state.open = check(value, line, state.open, problems);
  });
  const last = state.open;
  if (last) problems.push({ line: last.line, feed: last.feed, message: `feed ${last.feed}: the start marker has no \`<!-- /feed -->\` after it` });
  return problems;
}

interface OpenMarker {
  feed: string;
  line: number;
}

function check(value: string, line: number, open: OpenMarker | null, problems: MarkerProblem[]): OpenMarker | null {
  const start = FEED_START.exec(value);
  if (start?.[1]) {
    const feed = start[1];
    if (open)
      problems.push({ line, feed, message: `feed ${feed}: a second start marker before the region opened on line ${open.line} (feed ${open.feed}) is closed` });
    const unknown = [...(start[2] ?? '').matchAll(/([\w-]+)=/g)].map((match) => match[1] ?? '').filter((name) => !KNOWN_ATTRIBUTES.has(name));
    if (unknown.length > 0) {
      problems.push({
        line,
        feed,
        message: `feed ${feed}: unknown marker attribute ${unknown.map((name) => `\`${name}=\``).join(', ')} (a start marker takes only \`updated=\`)`,
      });
    }
    return { feed, line };
  }
  if (FEED_END.test(value)) {
    if (!open) problems.push({ line, feed: null, message: '`<!-- /feed -->` without a start marker before it' });
    return null;
  }
  problems.push({
    line,
    feed: null,
    message: 'not a feed marker: write `<!-- feed: NAME -->` (or `<!-- feed: NAME updated=YYYY-MM-DD -->`) and `<!-- /feed -->`, each on a line of its own',
  });
  return open;
}
