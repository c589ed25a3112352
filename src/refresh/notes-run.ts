// Writing the refreshed tables into their notes: one note at a time, each written only when
// its tables changed and it did not change on disk since it was read.
import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { ParsedNote } from '../parse/types.js';
import type { Project } from '../project/index.js';
import { hashSource } from '../vault/cache.js';
import { ConflictError, messageOf } from './errors.js';
import { refreshNoteText, type FeedTable, type NoteRefresh } from './note.js';
import type { NoteReport, RefreshProblem } from './types.js';
import { contentHash, removeStaleTemps, writeNote } from './write.js';

export interface NotesRun {
  tables: ReadonlyMap<string, FeedTable>;
  today: string;
  check: boolean;
  parsedHashes: ReadonlyMap<string, string>;
  problems: RefreshProblem[];
}

/** Refresh each touched note in turn; one note's failure is its own problem. */
export async function refreshNotes(project: Project, touched: ParsedNote[], run: NotesRun): Promise<{ notes: NoteReport[]; diff: string }> {
  const { tables, today, check, parsedHashes, problems } = run;
  const notes: NoteReport[] = [];
  let diff = '';
  const started = Date.now();
  // A symlinked note and its target (both in the vault) are one file: refreshed once.
  const seen = new Map<string, NoteReport['status']>();
  for (const note of touched) {
    const real = await realpath(join(project.vault.root, note.path)).catch(() => null);
    const twin = real === null ? undefined : seen.get(real);
    if (twin !== undefined) {
      notes.push({ path: note.path, status: twin === 'updated' ? 'unchanged' : twin });
      continue;
    }
    let outcome: { status: NoteReport['status']; diff: string };
    try {
      outcome = await refreshNote(project, note, tables, today, check, parsedHashes.get(note.path) ?? null, problems, started);
    } catch (error) {
      // One note's trouble (a bug, an unreadable file) is that note's problem; the others still refresh.
      problems.push({
        rule: 'refresh-failed',
        severity: 'error',
        path: note.path,
        line: note.feedRegions[0]?.startLine ?? null,
        feed: null,
        message: `could not refresh the note: ${messageOf(error)}`,
      });
      outcome = { status: 'failed', diff: '' };
    }
    if (real !== null) seen.set(real, outcome.status);
    notes.push({ path: note.path, status: outcome.status });
    diff += outcome.diff;
  }
  return { notes, diff };
}

/** Rows of a file outside the project: a failure names no value or field from it. */
async function refreshNote(
  project: Project,
  note: ParsedNote,
  tables: ReadonlyMap<string, FeedTable>,
  today: string,
  check: boolean,
  parsedHash: string | null,
  problems: RefreshProblem[],
  started: number,
): Promise<{ status: NoteReport['status']; diff: string }> {
  const file = join(project.vault.root, note.path);
  const firstLine = note.feedRegions[0]?.startLine ?? null;
  const fail = (message: string, status: NoteReport['status']): { status: NoteReport['status']; diff: string } => {
    problems.push({
      rule: status === 'conflict' ? 'note-changed' : 'refresh-failed',
      severity: 'error',
      path: note.path,
      line: firstLine,
      feed: null,
      message,
    });
    return { status, diff: '' };
  };
  const conflict = 'the note changed on disk while refresh ran (an edit in Obsidian?); kept it as it is — run refresh again';
  // Temp files a killed run left beside this note (never in --check, which writes nothing).
  if (!check) await removeStaleTemps(file, started);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return fail(conflict, 'conflict');
    return fail(`cannot read the note (${code || messageOf(error)}); left as it is`, 'failed');
  }
  const source = bytes.toString('utf8');
  if (!Buffer.from(source, 'utf8').equals(bytes)) return fail('the note is not valid UTF-8; left as it is', 'failed');
  // The scan may hash the text with or without its BOM (a decoder drops it); either is the note as read.
  if (parsedHash !== null && hashSource(source) !== parsedHash && hashSource(source.replace(/^\uFEFF/, '')) !== parsedHash) return fail(conflict, 'conflict');
  let result: NoteRefresh;
  try {
    result = refreshNoteText(note, source, tables, today);
  } catch (error) {
    if (error instanceof ConflictError) return fail(`${conflict} (${error.message})`, 'conflict');
    throw error;
  }
  for (const region of result.regions) {
    const at = { path: note.path, line: region.region.startLine, feed: region.region.feed };
    if (region.error !== null)
      problems.push({ rule: 'table-merge', severity: 'error', ...at, message: `feed ${at.feed}: ${region.error}; table left as it is` });
    for (const kept of region.kept) {
      problems.push({
        rule: 'row-kept',
        severity: 'warning',
        ...at,
        message: `feed ${at.feed}: row “${kept.key}” (line ${kept.line}) is no longer in the feed; kept because it has notes in ${kept.columns.join(', ')}`,
      });
    }
  }
  if (!result.changed) return { status: 'unchanged', diff: '' };
  // Named from almanac.yaml's folder, so the patch applies there with `git apply`.
  const name = relative(project.dir, file).split(sep).join('/');
  const diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, source, result.text, undefined, undefined, { context: 2 });
  if (check) return { status: 'would-update', diff };
  const written = await writeNote(file, contentHash(bytes), result.text, { within: project.vault.root });
  if (written.status === 'conflict') return fail(conflict, 'conflict');
  if (written.status !== 'written') return fail(`${written.reason}: not written, the note is as it was`, 'failed');
  return { status: 'updated', diff };
}
