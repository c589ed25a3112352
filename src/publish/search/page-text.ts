// The text a note page shows, cut into sections at its headings: what search indexes and
// quotes in excerpts. It reads the note's rendered HTML (after sanitizing, embeds resolved,
// unpublished notes already reduced to plain text), so the index holds what a reader sees
// and nothing else. That HTML is Almanac's own output (hast-util-to-html): every `<` in text
// is escaped, attribute values are quoted, so a scan of its tags is exact.
import { decodeHTML } from 'entities';
import { mathAsTex } from './math-text.js';
import { withoutCharts } from '../../charts/svg.js';

export interface PageSection {
  /** Heading id to link to; '' for the page itself. */
  anchor: string;
  heading: string;
  text: string;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** An attribute: its name and, when quoted, its value. */
const ATTRIBUTE = /\s([^\s=>"']+)(?:="([^"]*)")?/g;
const HEADING = /^h[1-6]$/;
/** Elements that end a run of text: words either side of them are separate. `sup` too: a
 * footnote reference (`stemming<sup>1</sup>`) is not part of the word before it. */
const BREAKING = new Set([
  'sup',
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'li',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Where a table's rows (a line break) and cells (a tab) start, so that excerpts can keep
 * them apart ("Field | Value / Period | 2016"); words either side are separate all the same. */
const TABLE_BREAKS: Record<string, string> = { table: '\n', tr: '\n', td: '\t', th: '\t' };

/**
 * Sections of a note page: the first is the page itself (`titleAnchor`, the title, the text
 * before its first heading with an id), then one per heading with an id.
 */
export function pageSections(page: string, title: string, titleAnchor: string): PageSection[] {
  // A chart's ticks and labels repeat its table's cells: the table is what is indexed (charts/).
  const html = withoutCharts(mathAsTex(page));
  const sections: PageSection[] = [];
  let current: { anchor: string; heading: string; parts: string[] } = { anchor: titleAnchor, heading: title, parts: [] };
  // While inside a heading with an id: its tag name and its text so far.
  let heading: { tag: string; anchor: string; parts: string[] } | null = null;
  const close = (): void => {
    sections.push({ anchor: current.anchor, heading: current.heading, text: squash(current.parts.join('')) });
  };
  const text = (raw: string): void => {
    if (raw === '') return;
    // Line breaks and tabs in the HTML are spaces: only TABLE_BREAKS makes those.
    (heading ? heading.parts : current.parts).push(decodeHTML(raw).replace(/[\t\n\r]/g, ' '));
  };
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    text(html.slice(last, match.index));
    last = match.index + match[0].length;
    const closing = match[1] === '/';
    const tag = (match[2] ?? '').toLowerCase();
    if (heading && closing && tag === heading.tag) {
      close();
      current = { anchor: heading.anchor, heading: squash(heading.parts.join('')), parts: [] };
      heading = null;
      continue;
    }
    if (!closing && !heading && HEADING.test(tag)) {
      const id = idOf(match[3] ?? '');
      if (id) {
        heading = { tag, anchor: decodeHTML(id), parts: [] };
        continue;
      }
    }
    if (BREAKING.has(tag)) (heading ? heading.parts : current.parts).push(closing && tag !== 'table' ? ' ' : (TABLE_BREAKS[tag] ?? ' '));
  }
  text(html.slice(last));
  if (heading) current.parts.push(' ', ...heading.parts);
  close();
  return sections;
}

function idOf(attributes: string): string | null {
  for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) if (name === 'id' && value) return value;
  return null;
}

/** Runs of white space as one space, or one row break (\n) or cell break (\t) when they hold one. */
function squash(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : run.includes('\t') ? '\t' : ' ')).trim();
}
