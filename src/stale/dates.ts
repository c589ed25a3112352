// Where a note's date comes from: frontmatter `updated`, else the last
// `*Updated YYYY-MM-DD*` line, else its last git commit.
import { isTemplatePlaceholder } from '../parse/placeholder.js';
import type { ParsedNote } from '../parse/types.js';
import { isIsoDate } from '../util/dates.js';

export type DateSource = 'frontmatter' | 'body' | 'git';

export interface NoteDate {
  date: string;
  /** File line the date was read from (1 for git). */
  line: number;
  source: DateSource;
}

export interface DateIssue {
  line: number;
  message: string;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

export { isIsoDate };

export function noteDate(note: ParsedNote, gitDates: ReadonlyMap<string, string> | null): { date: NoteDate | null; issue: DateIssue | null } {
  let issue: DateIssue | null = null;
  const value = note.frontmatter.updated;
  if (value !== undefined && value !== null) {
    const text = String(value).trim();
    const line = note.frontmatterLines.updated ?? 1;
    // Obsidian's date-time properties (`2026-01-14T09:30`) date the note by their day.
    const day = DATE_TIME.exec(text)?.[1] ?? text;
    if (isIsoDate(day)) return { date: { date: day, line, source: 'frontmatter' }, issue };
    // A template's placeholder (`{{date}}`, `<% tp.date.now() %>`) or nothing: no date, no problem.
    if (text !== '' && !isTemplatePlaceholder(text)) issue = { line, message: `Frontmatter \`updated\` must be a date like 2026-01-14 (got “${text}”)` };
  }
  const mark = note.updatedMarks.filter((entry) => isIsoDate(entry.date)).at(-1);
  if (mark) return { date: { date: mark.date, line: mark.line, source: 'body' }, issue };
  const committed = gitDates?.get(note.path);
  if (committed) return { date: { date: committed, line: 1, source: 'git' }, issue };
  return { date: null, issue };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
