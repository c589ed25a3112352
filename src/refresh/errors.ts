// Why a feed or a table could not be refreshed; the caller adds the note and line.
import { AlmanacError } from '../errors.js';

/** A feed could not be fetched, read or formatted: every table using it is left alone. */
export class FeedError extends AlmanacError {}

/** A table could not be merged (missing column, duplicate keys): that table is left alone. */
export class TableError extends AlmanacError {}

/** The note on disk is not the note that was parsed: nothing in it is written. */
export class ConflictError extends AlmanacError {}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
