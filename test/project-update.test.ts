// updateProject: the project after file events is a new value with the set of what changed;
// the project it was given is left exactly as it was (compared with a structuredClone).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject, type Project } from '../src/project/index.js';
import { updateProject, type FileChange } from '../src/project/update.js';
import { writeVault } from './support/vault.js';

async function opened(): Promise<{ vault: string; project: Project }> {
  const vault = writeVault({
    'Alpha.md': '# Alpha\n\nSee [[Beta]].\n',
    'Beta.md': '---\naliases: [B]\n---\n# Beta\n\nBack to [[Alpha]].\n',
    'Gamma.md': '# Gamma\n\nLinks [[Delta]].\n',
    'image.png': 'png',
  });
  return { vault, project: await openProject({ vault, cache: false }) };
}

/** Update and check the old project is unchanged (a deep copy taken before equals it after). */
async function update(project: Project, changes: FileChange[]): ReturnType<typeof updateProject> {
  const snapshot = structuredClone(project);
  const updated = await updateProject(project, changes);
  expect(project).toEqual(snapshot);
  expect(updated.project.vault.notes.map((note) => note.path)).toEqual([...updated.project.vault.notes.map((note) => note.path)].sort());
  return updated;
}

const paths = (project: Project): string[] => project.vault.notes.map((note) => note.path);

describe('updateProject', () => {
  it('adds a note: a new project whose links now resolve', async () => {
    const { vault, project } = await opened();
    writeFileSync(join(vault, 'Delta.md'), '# Delta\n');
    const { project: next, changed } = await update(project, [{ kind: 'add', path: 'Delta.md' }]);
    expect(changed.added).toEqual(['Delta.md']);
    expect(changed.removed).toEqual([]);
    expect(paths(next)).toEqual(['Alpha.md', 'Beta.md', 'Delta.md', 'Gamma.md']);
    expect(next.graph.outgoing.get('Gamma.md')?.[0]?.note).toBe('Delta.md');
    expect(project.graph.outgoing.get('Gamma.md')?.[0]?.note).toBeNull();
    expect(changed.previousGraph).toBe(project.graph);
  });

  it('changes a note: only it is parsed again, the others are shared', async () => {
    const { vault, project } = await opened();
    writeFileSync(join(vault, 'Alpha.md'), '# Alpha\n\nNow see [[Gamma]].\n');
    const { project: next, changed } = await update(project, [{ kind: 'change', path: 'Alpha.md' }]);
    expect(changed.changed).toEqual(['Alpha.md']);
    expect(changed.before.get('Alpha.md')).toBe(project.vault.notes[0]);
    expect(next.graph.outgoing.get('Alpha.md')?.[0]?.note).toBe('Gamma.md');
    expect(next.vault.notes.find((note) => note.path === 'Beta.md')).toBe(project.vault.notes.find((note) => note.path === 'Beta.md'));
  });

  it('unlinks a note', async () => {
    const { vault, project } = await opened();
    rmSync(join(vault, 'Beta.md'));
    const { project: next, changed } = await update(project, [{ kind: 'unlink', path: 'Beta.md' }]);
    expect(changed.removed).toEqual(['Beta.md']);
    expect(paths(next)).toEqual(['Alpha.md', 'Gamma.md']);
    expect(next.graph.outgoing.get('Alpha.md')?.[0]?.note).toBeNull();
  });

  it('renames a note (an unlink and an add)', async () => {
    const { vault, project } = await opened();
    renameSync(join(vault, 'Gamma.md'), join(vault, 'Delta.md'));
    const { project: next, changed } = await update(project, [
      { kind: 'unlink', path: 'Gamma.md' },
      { kind: 'add', path: 'Delta.md' },
    ]);
    expect(changed.removed).toEqual(['Gamma.md']);
    expect(changed.added).toEqual(['Delta.md']);
    expect(paths(next)).toEqual(['Alpha.md', 'Beta.md', 'Delta.md']);
  });

  it('flips the publish flag', async () => {
    const { vault, project } = await opened();
    writeFileSync(join(vault, 'Gamma.md'), '---\npublish: false\n---\n# Gamma\n');
    const { project: next, changed } = await update(project, [{ kind: 'change', path: 'Gamma.md' }]);
    expect(changed.changed).toEqual(['Gamma.md']);
    expect(changed.before.get('Gamma.md')?.publish).not.toBe(false);
    expect(next.vault.notes.find((note) => note.path === 'Gamma.md')?.publish).toBe(false);
  });

  it('changes an alias: links through the old alias break, through the new one resolve', async () => {
    const { vault, project } = await opened();
    writeFileSync(join(vault, 'Alpha.md'), '# Alpha\n\nSee [[B]] and [[C]].\n');
    const first = await update(project, [{ kind: 'change', path: 'Alpha.md' }]);
    expect(first.project.graph.outgoing.get('Alpha.md')?.map((link) => link.note)).toEqual(['Beta.md', null]);
    writeFileSync(join(vault, 'Beta.md'), '---\naliases: [C]\n---\n# Beta\n');
    const second = await update(first.project, [{ kind: 'change', path: 'Beta.md' }]);
    expect(second.changed.before.get('Beta.md')?.aliases).toEqual(['B']);
    expect(second.project.vault.notes.find((note) => note.path === 'Beta.md')?.aliases).toEqual(['C']);
    expect(second.project.graph.outgoing.get('Alpha.md')?.map((link) => link.note)).toEqual([null, 'Beta.md']);
  });

  it('adds and removes attachments, and leaves ignored files and no-ops alone', async () => {
    const { vault, project } = await opened();
    writeFileSync(join(vault, 'photo.jpg'), 'jpg');
    rmSync(join(vault, 'image.png'));
    const { project: next, changed } = await update(project, [
      { kind: 'add', path: 'photo.jpg' },
      { kind: 'unlink', path: 'image.png' },
    ]);
    expect(changed.attachmentsMoved).toEqual(['image.png', 'photo.jpg']);
    expect(next.vault.attachments).toEqual(['photo.jpg']);
    const none = await update(next, [{ kind: 'change', path: 'Nowhere.md' }]);
    expect(none.project).toBe(next);
  });
});
