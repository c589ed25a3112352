// How fresh each note is, for the "Updated …" line, the stale badge and the Stale notes page.
import type { Project } from '../../project/index.js';
import { lastCommitDates, noteFreshness, type NoteFreshness } from '../../stale/index.js';

export type FreshnessMap = Map<string, NoteFreshness>;

export function freshnessOf(project: Project, today: string): FreshnessMap {
  const undated = project.vault.notes.some(
    (note) => (note.frontmatter.updated === undefined || note.frontmatter.updated === null) && note.updatedMarks.length === 0,
  );
  const gitDates = undated ? lastCommitDates(project.vaultDir) : null;
  const map: FreshnessMap = new Map();
  for (const note of project.vault.notes) map.set(note.path, noteFreshness(note, project.config, { today, gitDates }));
  return map;
}
