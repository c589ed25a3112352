// A table's HTML beyond GFM's: each body row gets its id on the note's page (entity pages
// link to it, entities/facts.ts), and a table under a `%% chart: … %%` comment gets its chart
// (charts/). Both come from the note's table facts (parse/table-facts.ts), which both parse
// paths make alike and a render worker keeps beside the tree.
import type { Element, ElementContent } from 'hast';
import type { Table } from 'mdast';
import type { ParsedNote } from '../../parse/types.js';
import { chartFigure, type ChartNote } from '../../charts/figure.js';
import { noteDate } from '../../stale/dates.js';
import { withId } from '../render/hast.js';
import type { RenderNote, RenderScope } from '../render/scope.js';
import { trustedFragmentsOf } from '../render/trusted.js';

/** The facts a render worker keeps of a note it holds: no more than its tables need. */
export function tableFactsOf(note: ParsedNote): Pick<RenderNote, 'tables' | 'charts' | 'feedRegions' | 'date'> {
  if (note.tables.length === 0) return {};
  return { tables: note.tables, charts: note.charts, feedRegions: note.feedRegions, date: noteDate(note, null).date?.date ?? null };
}

/** `wrap` (the table's `<div class="table-wrap">`) with row ids and, when the table has one, its chart after it. */
export function tableExtras(scope: RenderScope, node: Table, wrap: Element): ElementContent[] {
  const note = scope.note.note;
  const line = (node.position?.start.line ?? 0) + note.bodyLine - 1;
  const fact = note.tables?.find((table) => table.line === line);
  if (!fact) return [wrap];
  if (scope.depth === 0) {
    const rows = bodyRows(wrap);
    rows.forEach((row, index) => {
      const id = fact.rows[index]?.id;
      if (id) withId(row, id);
    });
  }
  const figure = note.charts && note.charts.length > 0 ? chartFigure(chartNote(note), line) : null;
  const fragments = figure ? trustedFragmentsOf(scope.features) : null;
  return figure && fragments ? [wrap, fragments.slot(figure)] : [wrap];
}

function chartNote(note: RenderNote): ChartNote {
  const date = note.date !== undefined ? note.date : isParsed(note) ? (noteDate(note, null).date?.date ?? null) : null;
  return { title: note.title, tables: note.tables, charts: note.charts, feedRegions: note.feedRegions, date };
}

function isParsed(note: RenderNote): note is RenderNote & ParsedNote {
  return 'frontmatter' in note && 'updatedMarks' in note;
}

function bodyRows(wrap: Element): Element[] {
  const table = wrap.children.find((child): child is Element => child.type === 'element' && child.tagName === 'table');
  const tbody = table?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'tbody');
  return tbody ? tbody.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'tr') : [];
}
