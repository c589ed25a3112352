// Real vaults keep template notes in the folder their Obsidian settings name (core Templates:
// .obsidian/templates.json; Templater: its data.json): scaffolding full of `{{date}}` and links
// to notes not written yet. They are left out of check and the site unless `templates:
// include`; Obsidian's "Excluded files" (app.json userIgnoreFilters) are left out too.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { openProject } from '../src/project/index.js';
import { build } from '../src/publish/index.js';
import { tempDir, writeVault } from './support/vault.js';

const VAULT = {
  'vault/.obsidian/templates.json': '{"folder": "Templates"}',
  'vault/.obsidian/plugins/templater-obsidian/data.json': '{"templates_folder": "Scaffolds/"}',
  'vault/.obsidian/app.json': '{"userIgnoreFilters": ["Archive/", "/^Secret.*$/"]}',
  'vault/Templates/City Template.md': '---\ncreated: {{date}}\ntype: city\n---\nA city in [[Country]] with [[Neighbourhoods]].\n',
  'vault/Scaffolds/Daily.md': 'Links [[Tomorrow]].\n',
  'vault/Archive/Old.md': 'Links [[Gone]].\n',
  'vault/Kyoto.md': 'Kyoto is in [[Japan]].\n\n![[Cities.base]]\n',
  // What else a template folder holds stays in the vault (kepano's keeps its Bases there).
  'vault/Templates/Bases/Cities.base': 'views: []\n',
};

const unresolved = async (dir: string): Promise<string[]> => {
  const project = await openProject({ config: join(dir, 'almanac.yaml'), cache: false, trees: false });
  return check(project.vault, { config: project.config, graph: project.graph })
    .problems.filter((problem) => problem.rule === 'unresolved-link')
    .map((problem) => problem.file)
    .sort();
};

describe('template folders and Obsidian excluded files', () => {
  it('are left out of check and of the site by default', async () => {
    const dir = writeVault({ ...VAULT, 'almanac.yaml': 'vault: vault\n' });
    expect(await unresolved(dir)).toEqual(['Kyoto.md']);
    const site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-templates-'), cache: false });
    expect(existsSync(join(site.outDir, 'kyoto', 'index.html'))).toBe(true);
    // The template note has no page; the Bases file beside it keeps its own (issue 15).
    expect(existsSync(join(site.outDir, 'templates', 'city-template'))).toBe(false);
    expect(existsSync(join(site.outDir, 'templates', 'bases', 'cities-base', 'index.html'))).toBe(true);
    expect(existsSync(join(site.outDir, 'archive'))).toBe(false);
    expect(site.notes).toBe(1);
  });

  it('templates are read as notes with `templates: include`; excluded files stay out', async () => {
    const dir = writeVault({ ...VAULT, 'almanac.yaml': 'vault: vault\ntemplates: include\n' });
    expect(await unresolved(dir)).toEqual(['Kyoto.md', 'Scaffolds/Daily.md', 'Templates/City Template.md', 'Templates/City Template.md']);
  });

  it('a vault without Obsidian settings reads every note', async () => {
    const dir = writeVault({ 'almanac.yaml': 'vault: vault\n', 'vault/Templates/T.md': '[[Nowhere]]\n' });
    expect(await unresolved(dir)).toEqual(['Templates/T.md']);
  });
});
