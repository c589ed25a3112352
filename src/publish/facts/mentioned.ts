// "Mentioned in tables" on a note's page: the rows of published notes' tables that link to
// it (entities/facts.ts), grouped by source note and table, newest first, each linking to
// its row on the source page; and, for a type with `facts:` columns, a summary at the top.
import { factIndex, factSummary, groupFacts, type EntityFact, type FactIndex } from '../../entities/facts.js';
import type { SiteModel, SiteNote } from '../model/site-model.js';
import { redactorOf } from '../model/redact.js';
import type { CellPart, MentionedTables } from '../pages/types.js';

const cache = new WeakMap<SiteModel, FactIndex>();
/** Rows a page lists at most (the newest): a hub note linked from thousands of rows keeps a readable page. */
export const MAX_ROWS = 100;

/** The site's fact index: the tables of published notes only, made once per site model. */
export function siteFacts(site: SiteModel): FactIndex {
  let index = cache.get(site);
  if (!index) {
    index = factIndex(
      site.notes.map((entry) => entry.note),
      site.graph,
    );
    cache.set(site, index);
  }
  return index;
}

/** The section's data for `entry`, null when no table row links to it. `columns`: its type's `facts:`. */
export function mentionedTables(site: SiteModel, entry: SiteNote, columns: readonly string[] = []): MentionedTables | null {
  const facts = siteFacts(site).get(entry.note.path);
  if (!facts || facts.length === 0) return null;
  const redact = redactorOf(site).text;
  const rowUrl = (fact: EntityFact): string => `${site.byPath.get(fact.source)?.url ?? ''}#${fact.row.id}`;
  const cells = (fact: EntityFact): CellPart[][] =>
    fact.row.cells.map((text, index) => {
      const links = fact.links.filter((link) => link.cell === index);
      const target = links.length === 1 && links[0] ? site.byPath.get(links[0].note) : undefined;
      // A cell holding one link to a published note links there (the entity's own cell included).
      return [target ? { text: redact(text), url: target.url, slug: target.slug } : { text: redact(text) }];
    });
  return {
    count: facts.length,
    summary: factSummary(facts, columns).map(({ column, value, fact }) => ({
      column,
      value: redact(value),
      source: redact(fact.sourceTitle),
      url: rowUrl(fact),
      date: fact.feed?.updated ?? fact.date,
    })),
    groups: groupFacts(facts.slice(0, MAX_ROWS)).map((group) => {
      const source = site.byPath.get(group.source);
      return {
        source: { label: redact(group.sourceTitle), url: source?.url ?? '', slug: source?.slug ?? '' },
        heading: group.table.heading === null ? null : redact(group.table.heading),
        date: group.date,
        feed: group.feed,
        header: group.table.header.map(redact),
        rows: group.facts.map((fact) => ({ url: rowUrl(fact), cells: cells(fact) })),
      };
    }),
  };
}
