// updateProject: a project after some file events, as a new value, and what changed. The
// project given is not changed: the notes that changed are read and parsed again (a note
// parsed already, e.g. for serve's quick page, can be handed in), the others are shared.
import { parseNote } from '../parse/index.js';
import type { ParsedNote } from '../parse/types.js';
import { resolveLinks, type LinkGraph } from '../resolve/index.js';
import { compareRaw } from '../util/compare.js';
import { listVaultFiles } from '../vault/load.js';
import { readVaultNote } from '../vault/read-note.js';
import type { Project } from './index.js';

/** A file event, its path vault-relative with forward slashes (a rename is an unlink and an add). */
export interface FileChange {
  kind: 'add' | 'change' | 'unlink';
  path: string;
}

/** What an update changed. `before` has the notes as they were (for `changed` and `removed`). */
export interface ProjectChange {
  /** Notes that are new in the vault. */
  added: string[];
  /** Notes gone: deleted, or no longer readable (over limits.note-size, a symlink out of the vault). */
  removed: string[];
  /** Notes read again. */
  changed: string[];
  /** Attachments new in, or gone from, the vault. */
  attachmentsMoved: string[];
  /** Attachments whose content changed. */
  attachmentsChanged: string[];
  /** The link graph before the update. */
  previousGraph: LinkGraph;
  /** Notes before the update, by path. */
  before: ReadonlyMap<string, ParsedNote>;
}

export interface UpdateOptions {
  /** Notes already parsed from the files as they are now (path → note). */
  parsed?: ReadonlyMap<string, ParsedNote> | undefined;
}

/** True when an update changed nothing the project holds. */
export function nothingChanged(change: ProjectChange): boolean {
  return change.added.length + change.removed.length + change.changed.length + change.attachmentsMoved.length + change.attachmentsChanged.length === 0;
}

export async function updateProject(
  project: Project,
  changes: readonly FileChange[],
  options: UpdateOptions = {},
): Promise<{ project: Project; changed: ProjectChange }> {
  const before = new Map(project.vault.notes.map((note) => [note.path, note]));
  const notes = new Map(before);
  const attachments = new Set(project.vault.attachments);
  const known = new Set([...before.keys(), ...attachments]);
  // Added files count only if the loader would take them (config `ignore`, .obsidian/…).
  const listed = changes.some((change) => change.kind === 'add') ? await listVaultFiles(project.vaultDir, project.config.ignore) : null;
  const included = new Set(listed ? [...listed.notes, ...listed.attachments] : []);
  const touched = new Set<string>();
  const change: ProjectChange = { added: [], removed: [], changed: [], attachmentsMoved: [], attachmentsChanged: [], previousGraph: project.graph, before };
  for (const event of changes) {
    if (event.kind === 'add' ? !included.has(event.path) : !known.has(event.path)) continue;
    if (!event.path.toLowerCase().endsWith('.md')) {
      if (event.kind === 'change') change.attachmentsChanged.push(event.path);
      else {
        if (event.kind === 'add') attachments.add(event.path);
        else attachments.delete(event.path);
        change.attachmentsMoved.push(event.path);
      }
      continue;
    }
    const after = event.kind === 'unlink' ? null : (options.parsed?.get(event.path) ?? (await readNote(project, event.path)));
    if (after === null) notes.delete(event.path);
    else notes.set(event.path, after);
    touched.add(event.path);
  }
  change.added = [...notes.keys()].filter((path) => !before.has(path)).sort(compareRaw);
  change.removed = [...before.keys()].filter((path) => !notes.has(path)).sort(compareRaw);
  change.changed = [...touched].filter((path) => before.has(path) && notes.has(path)).sort(compareRaw);
  change.attachmentsMoved = unique(change.attachmentsMoved);
  change.attachmentsChanged = unique(change.attachmentsChanged);
  if (nothingChanged(change)) return { project, changed: change };
  const vault = {
    ...project.vault,
    notes: [...notes.values()].sort((a, b) => compareRaw(a.path, b.path)),
    attachments: [...attachments].sort(compareRaw),
  };
  return { project: { ...project, vault, graph: resolveLinks(vault) }, changed: change };
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)].sort(compareRaw);
}

async function readNote(project: Project, path: string): Promise<ParsedNote | null> {
  const source = await readVaultNote(project.vaultDir, path, project.config.limits['note-size']);
  return source === null ? null : parseNote(path, source);
}
