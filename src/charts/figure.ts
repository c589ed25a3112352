// A table's chart as the page shows it: the SVG in a <figure> with a caption naming the
// source (the feed, else the note) and the as-of date (the feed's, else the note's).
import type { ChartMark, FeedRegion, TableFact } from '../parse/types.js';
import { escapeHtml } from '../util/escape-html.js';
import { chartData, feedOf } from './data.js';
import { chartSvg } from './svg.js';

/** What drawing a note's charts reads of it (a render worker holds no more). */
export interface ChartNote {
  title: string;
  tables?: readonly TableFact[] | undefined;
  charts?: readonly ChartMark[] | undefined;
  feedRegions?: readonly FeedRegion[] | undefined;
  /** The note's date (`updated`, else its last `*Updated*` line). */
  date?: string | null | undefined;
}

/** The chart figure under the table on `tableLine`, or null (no chart comment, or one that cannot be drawn: check says why). */
export function chartFigure(note: ChartNote, tableLine: number): string | null {
  const mark = note.charts?.find((chart) => chart.tableLine === tableLine);
  const table = note.tables?.find((entry) => entry.line === tableLine);
  if (!mark || !table) return null;
  const data = chartData(mark, table);
  if ('error' in data) return null;
  const feed = feedOf(note.feedRegions ?? [], table);
  const source = feed ? `feed ${feed.feed}` : note.title;
  const date = feed ? feed.updated : (note.date ?? null);
  const caption = `Source: ${escapeHtml(source)}${date ? ` · as of <time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>` : ''}`;
  return `<figure class="chart">${chartSvg(data)}<figcaption>${caption}</figcaption></figure>`;
}
