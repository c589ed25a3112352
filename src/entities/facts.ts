// Entity facts: a table row that links to a note is a fact about that note (`| [[NVIDIA]] |
// **+39%** |` in Sector Rotation's price targets is NVIDIA's price target). A pure function of
// the parsed notes' table facts and the resolved links: one pass over every table row and the
// links on its line, O(rows + links), giving an index from target note to its rows.
import type { LinkGraph, ResolvedLink } from '../resolve/index.js';
import type { ParsedNote, TableFact, TableRowFact } from '../parse/types.js';
import { noteDate } from '../stale/dates.js';
import { feedOf } from '../charts/data.js';

/** A link in a cell of the row. */
export interface FactLink {
  /** Index of the cell the link is in. */
  cell: number;
  /** Vault path of the note it resolves to. */
  note: string;
}

export interface EntityFact {
  /** Vault path and title of the note holding the table. */
  source: string;
  sourceTitle: string;
  /** The source note's date (`updated`, else its last `*Updated*` line), null when undated. */
  date: string | null;
  /** The table: its nearest heading, header row and line. */
  table: Pick<TableFact, 'line' | 'heading' | 'header'>;
  /** The row: its line, page id (`#row-…` on the source page) and cells as a reader sees them. */
  row: TableRowFact;
  /** The links in the row's cells that resolve to notes (the entity's among them). */
  links: FactLink[];
  /** The feed the table is refreshed from, with its as-of date, when it is feed-backed. */
  feed: { name: string; updated: string | null } | null;
}

/** Target note path → the rows linking to it, newest source first. */
export type FactIndex = Map<string, EntityFact[]>;

/** Every note's facts at once. `notes`: the notes whose tables count (a site passes its published ones). */
export function factIndex(notes: readonly ParsedNote[], graph: Pick<LinkGraph, 'outgoing'>): FactIndex {
  const index: FactIndex = new Map();
  for (const note of notes) {
    if (note.tables.length === 0) continue;
    const byLine = linksByLine(graph.outgoing.get(note.path) ?? []);
    if (byLine.size === 0) continue;
    const date = noteDate(note, null).date?.date ?? null;
    for (const table of note.tables) {
      let feed: EntityFact['feed'] | undefined;
      for (const row of table.rows) {
        const links = byLine.get(row.line);
        if (!links) continue;
        const placed = links.flatMap((link): FactLink[] => (link.note ? [{ cell: cellOf(row, link.link.column), note: link.note }] : []));
        if (feed === undefined) {
          const region = feedOf(note.feedRegions, table);
          feed = region ? { name: region.feed, updated: region.updated } : null;
        }
        const fact: EntityFact = {
          source: note.path,
          sourceTitle: note.title,
          date,
          table: { line: table.line, heading: table.heading, header: table.header },
          row,
          links: placed,
          feed,
        };
        for (const target of new Set(placed.map((link) => link.note))) {
          if (target === note.path) continue;
          const list = index.get(target);
          if (list) list.push(fact);
          else index.set(target, [fact]);
        }
      }
    }
  }
  for (const list of index.values()) list.sort(newestFirst);
  return index;
}

/** Rows newest first (undated last), then by source title and place in the note. */
export function newestFirst(a: EntityFact, b: EntityFact): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  if (a.sourceTitle !== b.sourceTitle) return a.sourceTitle < b.sourceTitle ? -1 : 1;
  return a.row.line - b.row.line;
}

/** Resolved links to notes (not attachments, not frontmatter) by file line. */
function linksByLine(links: readonly ResolvedLink[]): Map<number, ResolvedLink[]> {
  const byLine = new Map<number, ResolvedLink[]>();
  for (const link of links) {
    if (link.link.kind === 'frontmatter' || link.link.kind === 'embed' || !link.note) continue;
    if (link.status !== 'resolved' && link.status !== 'unresolved-heading' && link.status !== 'unresolved-block') continue;
    const list = byLine.get(link.link.line);
    if (list) list.push(link);
    else byLine.set(link.link.line, [link]);
  }
  return byLine;
}

/** The cell a column falls in. */
function cellOf(row: TableRowFact, column: number): number {
  let cell = 0;
  for (let index = 0; index < row.columns.length; index++) if ((row.columns[index] ?? 0) <= column) cell = index;
  return cell;
}

/** Facts grouped by source note and table, in the order of their first (newest) row. */
export interface FactGroup {
  source: string;
  sourceTitle: string;
  date: string | null;
  table: EntityFact['table'];
  feed: EntityFact['feed'];
  facts: EntityFact[];
}

export function groupFacts(facts: readonly EntityFact[]): FactGroup[] {
  const groups = new Map<string, FactGroup>();
  for (const fact of facts) {
    const key = `${fact.source}\0${fact.table.line}`;
    const group = groups.get(key);
    if (group) group.facts.push(fact);
    else groups.set(key, { source: fact.source, sourceTitle: fact.sourceTitle, date: fact.date, table: fact.table, feed: fact.feed, facts: [fact] });
  }
  return [...groups.values()];
}

/** One summary entry per configured column: the newest row linking here that has the column. */
export interface FactSummary {
  column: string;
  value: string;
  fact: EntityFact;
}

export function factSummary(facts: readonly EntityFact[], columns: readonly string[]): FactSummary[] {
  const out: FactSummary[] = [];
  for (const column of columns) {
    const wanted = column.toLowerCase();
    for (const fact of facts) {
      const index = fact.table.header.findIndex((name) => name.toLowerCase() === wanted);
      const value = index === -1 ? '' : (fact.row.cells[index] ?? '');
      if (value === '') continue;
      out.push({ column: fact.table.header[index] ?? column, value, fact });
      break;
    }
  }
  return out;
}
