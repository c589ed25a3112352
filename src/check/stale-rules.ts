// stale-note, stale-table, undated-note: note-level date rules.
import type { ParsedNote } from '../parse/types.js';
import type { Config } from '../config/schema.js';
import { noteFreshness, staleNoteMessage, staleTableMessage, tableFreshness, type NoteFreshness, type TableFreshness } from '../stale/index.js';
import { markerProblems } from '../refresh/markers.js';
import type { RawProblem } from './rules.js';

export interface StaleRuleOptions {
  today: string;
  gitDates?: ReadonlyMap<string, string> | null | undefined;
  changed?: ReadonlySet<string> | null | undefined;
}

export function staleProblems(
  note: ParsedNote,
  config: Config,
  options: StaleRuleOptions,
): { problems: RawProblem[]; note: NoteFreshness | null; tables: TableFreshness[] } {
  if (options.changed && !options.changed.has(note.path)) return { problems: [], note: null, tables: [] };
  const problems: RawProblem[] = [];
  const freshness = noteFreshness(note, config, options);
  for (const issue of freshness.issues) problems.push({ rule: 'invalid-frontmatter', file: note.path, line: issue.line, column: 1, message: issue.message });
  if (freshness.date === null && freshness.maxAge) {
    problems.push({
      rule: 'undated-note',
      file: note.path,
      line: 1,
      column: 1,
      message: 'No date: add `updated: YYYY-MM-DD` to the frontmatter or an `*Updated YYYY-MM-DD*` line',
    });
  }
  if (freshness.stale) problems.push({ rule: 'stale-note', file: note.path, line: freshness.dateLine, column: 1, message: staleNoteMessage(freshness) });
  for (const marker of markerProblems(note)) problems.push({ rule: 'feed-marker', file: note.path, line: marker.line, column: 1, message: marker.message });
  const tables = tableFreshness(note, config, options.today);
  for (const table of tables) {
    if (table.stale) problems.push({ rule: 'stale-table', file: note.path, line: table.line, column: 1, message: staleTableMessage(table) });
  }
  return { problems, note: freshness, tables };
}
