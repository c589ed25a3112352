// The sample vault in notes/: clean under check, complete frontmatter, and the
// user's "Sector Rotation" note reproduced with its links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject, type Project } from '../src/project/index.js';
import { check } from '../src/check/index.js';
import { ROOT } from './support/vault.js';

let project: Project;
beforeAll(async () => {
  project = await openProject({ cwd: ROOT });
});

describe('sample vault', () => {
  it('has at least 45 notes in folders by kind, and check reports no errors or warnings', () => {
    expect(project.vault.notes.length).toBeGreaterThanOrEqual(45);
    const result = check(project.vault, { config: project.config, graph: project.graph, today: '2026-01-20' });
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('gives every note a type, tags and an updated date', () => {
    const types = new Set(['rotation', 'analyst', 'firm', 'etf', 'company', 'concept', 'thesis', 'event']);
    for (const note of project.vault.notes) {
      if (note.path === 'index.md') continue;
      expect(types.has(note.type ?? ''), note.path).toBe(true);
      expect(
        note.tags.some((tag) => tag.source === 'frontmatter'),
        note.path,
      ).toBe(true);
      expect(String(note.frontmatter.updated ?? ''), note.path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('reproduces the user’s Sector Rotation note, and every note it links to exists', () => {
    const note = project.vault.notes.find((n) => n.path === 'Rotations/Sector Rotation.md');
    expect(note).toBeDefined();
    const text = readFileSync(join(project.vaultDir, 'Rotations/Sector Rotation.md'), 'utf8');
    for (const line of [
      '#concept #markets #rotation #macro',
      '## Related',
      '## Sources',
      '*Updated 2026-01-14*',
      '| [[NVIDIA]] | **+39%** | Highest upside, AI demand |',
    ]) {
      expect(text).toContain(line);
    }
    const targets = new Set((project.graph.outgoing.get('Rotations/Sector Rotation.md') ?? []).map((link) => link.note));
    for (const name of [
      'Ed Yardeni',
      'Michael Burry',
      'NVIDIA',
      'Tesla',
      'Palantir',
      'XMAG',
      'Goldman Sachs',
      'JPMorgan',
      'Bank of America',
      'Breadth divergence',
      'Mega-cap tech acronyms',
      'Credit markets',
      'AI Infrastructure',
      'Trump defense budget',
      'Long NVIDIA',
      'Long defense AI',
      'AI hyperscalers',
      'Microsoft',
      'Meta',
      'Amazon',
      'Apple',
      'Google',
    ]) {
      expect(
        [...targets].some((path) => path?.endsWith(`/${name}.md`)),
        name,
      ).toBe(true);
    }
    expect(note?.updatedMarks.map((mark) => mark.date)).toEqual(['2026-01-14']);
  });

  it('uses the Obsidian syntax the tool supports', () => {
    const kinds = new Set(project.vault.notes.flatMap((n) => n.links.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(['embed', 'frontmatter', 'markdown', 'wikilink']);
    expect(project.vault.notes.some((n) => n.blocks.length > 0)).toBe(true);
    expect(project.graph.links.some((l) => l.blockId)).toBe(true);
    expect(project.graph.links.some((l) => l.heading)).toBe(true);
    expect(project.graph.links.some((l) => l.file?.endsWith('.svg'))).toBe(true);
  });
});
