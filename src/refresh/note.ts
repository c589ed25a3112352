// One note's new text: each feed region's table merged, every byte outside it untouched.
import type { FeedConfig } from '../config/feeds.js';
import type { FeedRegion, ParsedNote } from '../parse/types.js';
import { TableError } from './errors.js';
import type { FeedRow } from './feed-rows.js';
import { joinLines, preferredEnding, splitLines } from './lines.js';
import { withUpdated } from './marker.js';
import { mergeTable, type KeptRow } from './merge.js';
import { readRegionTable } from './table.js';

export interface FeedTable {
  config: FeedConfig;
  rows: readonly FeedRow[];
}

export interface RegionOutcome {
  region: FeedRegion;
  status: 'updated' | 'unchanged' | 'failed';
  /** Why the table was left alone (status `failed`). */
  error: string | null;
  kept: KeptRow[];
  dropped: string[];
}

export interface NoteRefresh {
  text: string;
  changed: boolean;
  regions: RegionOutcome[];
}

/**
 * Refresh the regions of `note` whose feed is in `feeds`. `source` is the file as it is now;
 * a ConflictError means it is no longer the text `note` was parsed from.
 */
export function refreshNoteText(note: ParsedNote, source: string, feeds: ReadonlyMap<string, FeedTable>, today: string): NoteRefresh {
  const lines = splitLines(source);
  const outcomes: RegionOutcome[] = [];
  // Bottom-up, so a region's new line count never moves a region above it.
  const regions = note.feedRegions.filter((region) => feeds.has(region.feed)).sort((a, b) => b.startLine - a.startLine);
  for (const region of regions) {
    const feed = feeds.get(region.feed);
    if (!feed) continue;
    try {
      const found = readRegionTable(note, region, lines);
      const lineText = (line: number): string => lines.texts[line - 1] ?? '';
      const merged = mergeTable(found.table, feed.rows, feed.config, lineText);
      const from = found.table ? found.table.firstLine : found.insertAfter + 1;
      const count = found.table ? found.table.lastLine - found.table.firstLine + 1 : 0;
      const old = lines.texts.slice(from - 1, from - 1 + count);
      const changed = old.length !== merged.lines.length || old.some((text, index) => text !== merged.lines[index]);
      if (changed) {
        const ending = lines.endings[from - 2] || preferredEnding(lines);
        lines.texts.splice(from - 1, count, ...merged.lines);
        lines.endings.splice(from - 1, count, ...merged.lines.map(() => ending));
        lines.texts[region.startLine - 1] = withUpdated(lines.texts[region.startLine - 1] ?? '', today);
      }
      outcomes.push({ region, status: changed ? 'updated' : 'unchanged', error: null, kept: merged.kept, dropped: merged.dropped });
    } catch (error) {
      if (!(error instanceof TableError)) throw error;
      outcomes.push({ region, status: 'failed', error: error.message, kept: [], dropped: [] });
    }
  }
  const text = joinLines(lines);
  return { text, changed: text !== source, regions: outcomes.reverse() };
}
