// Staleness: how old each note and each feed table is against the policy.
import type { ParsedNote } from '../parse/types.js';
import type { Config } from '../config/schema.js';
import { parseDuration, addDuration, type Duration } from '../config/feeds.js';
import { daysBetween, isIsoDate, noteDate, type DateIssue, type DateSource } from './dates.js';

export { lastCommitDates, changedSince } from './git.js';
export { daysBetween, isIsoDate, noteDate, type NoteDate, type DateSource } from './dates.js';

export interface NoteFreshness {
  path: string;
  title: string;
  type: string | null;
  /** Null when the note has no date at all. */
  date: string | null;
  dateLine: number;
  source: DateSource | null;
  /** The policy applied, null for evergreen (`stale: false`) notes. */
  maxAge: Duration | null;
  /** Why that policy: `rotation notes`, `this note (review-every)`, `notes`. */
  policy: string;
  dueDate: string | null;
  daysAgo: number | null;
  daysOverdue: number;
  stale: boolean;
  /** Frontmatter values the policy could not use. */
  issues: DateIssue[];
}

export interface TableFreshness {
  path: string;
  feed: string;
  line: number;
  updated: string | null;
  maxAge: Duration;
  daysAgo: number | null;
  daysOverdue: number;
  stale: boolean;
}

export interface StaleOptions {
  today: string;
  /** Last commit date per vault path (see lastCommitDates). */
  gitDates?: ReadonlyMap<string, string> | null;
}

export function noteFreshness(note: ParsedNote, config: Config, options: StaleOptions): NoteFreshness {
  const { date, issue } = noteDate(note, options.gitDates ?? null);
  const issues: DateIssue[] = issue ? [issue] : [];
  const { maxAge, policy } = policyFor(note, config, issues);
  const base = {
    path: note.path,
    title: note.title,
    type: note.type,
    date: date?.date ?? null,
    dateLine: date?.line ?? 1,
    source: date?.source ?? null,
    maxAge,
    policy,
    issues,
  };
  if (!date || !maxAge) return { ...base, dueDate: null, daysAgo: date ? daysBetween(date.date, options.today) : null, daysOverdue: 0, stale: false };
  const dueDate = addDuration(date.date, maxAge);
  const daysOverdue = Math.max(0, daysBetween(dueDate, options.today));
  return { ...base, dueDate, daysAgo: daysBetween(date.date, options.today), daysOverdue, stale: options.today > dueDate };
}

function policyFor(note: ParsedNote, config: Config, issues: DateIssue[]): { maxAge: Duration | null; policy: string } {
  if (note.frontmatter.stale === false) return { maxAge: null, policy: 'evergreen (stale: false)' };
  const review = note.frontmatter['review-every'];
  if (review !== undefined && review !== null) {
    const duration = parseDuration(String(review));
    if (duration) return { maxAge: duration, policy: 'this note asks for review every' };
    issues.push({
      line: note.frontmatterLines['review-every'] ?? 1,
      message: `Frontmatter \`review-every\` must be a duration like 14d, 8w, 6m or 1y (got “${String(review)}”)`,
    });
  }
  if (note.type) {
    const byType = config.stale.types[note.type];
    if (byType) return { maxAge: byType, policy: `${note.type} notes go stale after` };
  }
  return { maxAge: config.stale.default, policy: 'notes go stale after' };
}

export function tableFreshness(note: ParsedNote, config: Config, today: string): TableFreshness[] {
  const tables: TableFreshness[] = [];
  for (const region of note.feedRegions) {
    const maxAge = config.feeds[region.feed]?.maxAge;
    if (!maxAge) continue;
    const updated = region.updated && isIsoDate(region.updated) ? region.updated : null;
    if (!updated) {
      tables.push({ path: note.path, feed: region.feed, line: region.startLine, updated: null, maxAge, daysAgo: null, daysOverdue: 0, stale: true });
      continue;
    }
    const due = addDuration(updated, maxAge);
    tables.push({
      path: note.path,
      feed: region.feed,
      line: region.startLine,
      updated,
      maxAge,
      daysAgo: daysBetween(updated, today),
      daysOverdue: Math.max(0, daysBetween(due, today)),
      stale: today > due,
    });
  }
  return tables;
}

/** `30 days`, `8 weeks`, `6 months`, `1 year`. */
export function describeDuration(duration: Duration): string {
  const unit = { d: 'day', w: 'week', m: 'month', y: 'year' }[duration.unit];
  return `${duration.count} ${unit}${duration.count === 1 ? '' : 's'}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `updated 2026-01-14 (312 days ago); rotation notes go stale after 30 days (282 days overdue)`. */
export function staleNoteMessage(entry: NoteFreshness): string {
  const age = entry.daysAgo === null ? '' : ` (${plural(entry.daysAgo, 'day')} ago)`;
  const limit = entry.maxAge ? describeDuration(entry.maxAge) : '';
  const via = entry.source === 'git' ? 'last committed' : 'updated';
  return `${via} ${entry.date ?? '?'}${age}; ${entry.policy} ${limit} (${plural(entry.daysOverdue, 'day')} overdue)`;
}

export function staleTableMessage(entry: TableFreshness): string {
  const limit = describeDuration(entry.maxAge);
  if (entry.updated === null) return `table from feed “${entry.feed}” has no refresh date (updated=); its max-age is ${limit}. Run almanac refresh`;
  return `table from feed “${entry.feed}” refreshed ${entry.updated} (${plural(entry.daysAgo ?? 0, 'day')} ago); the feed’s max-age is ${limit} (${plural(entry.daysOverdue, 'day')} overdue)`;
}
