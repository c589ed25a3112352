// Hostile vaults: symlinks out of the vault and loops, notes that are not UTF-8, case twins,
// vaults and notes over the size limits. Every vault is a throwaway folder under the OS temp dir.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import { parseConfig } from '../src/config/load.js';
import { build } from '../src/publish/build.js';
import { ConfigError } from '../src/errors.js';
import { lines, tempDir, writeVault } from './support/vault.js';

const CONFIG = parseConfig('rules: {orphan-note: off}');

/** A project folder: `notes/` holding `files`, and `outside/` next to it with a secret. */
function projectWithOutside(files: Record<string, string>): { dir: string; vault: string; outside: string } {
  const dir = tempDir('almanac-hostile-');
  const vault = join(dir, 'notes');
  const outside = join(dir, 'outside');
  mkdirSync(join(outside, 'folder'), { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'root:x:0:0:SECRET-PASSWD-LINE\n');
  writeFileSync(join(outside, 'folder', 'Outside Note.md'), '# Outside\n\nSECRET-FOLDER-NOTE\n');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(vault, path, '..'), { recursive: true });
    writeFileSync(join(vault, path), content);
  }
  return { dir, vault, outside };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => join(entry.parentPath, entry.name));
}

describe('symlinks', () => {
  it('never follows a symlink out of the vault, and check reports each one', async () => {
    const { vault, outside } = projectWithOutside({ 'Home.md': '# Home\n\n[[Passwd]] ![[pw.png]] [[Outside Note]]\n', 'Real/Inside.md': '# Inside\n' });
    symlinkSync(join(outside, 'secret.txt'), join(vault, 'Passwd.md'));
    symlinkSync(join(outside, 'secret.txt'), join(vault, 'pw.png'));
    symlinkSync(join(outside, 'folder'), join(vault, 'Linked'));
    const loaded = await loadVault(vault);
    expect(loaded.notes.map((note) => note.path)).toEqual(['Home.md', 'Real/Inside.md']);
    expect(loaded.attachments).toEqual([]);
    const result = check(loaded, { config: CONFIG });
    const symlinks = result.problems.filter((problem) => problem.rule === 'unsafe-symlink');
    expect(symlinks.map((problem) => `${problem.file} ${problem.severity}`)).toEqual(['Linked warning', 'Passwd.md warning', 'pw.png warning']);
    expect(symlinks[0]?.message).toContain('outside the vault');
    // What the links named is not in the vault, so they do not resolve.
    expect(result.problems.filter((problem) => problem.file === 'Home.md').map((problem) => problem.rule)).toEqual(['unresolved-link', 'unresolved-attachment', 'unresolved-link']);
  });

  it('an ignored symlink out of the vault is neither followed nor reported', async () => {
    const { vault, outside } = projectWithOutside({ 'Home.md': '# Home\n', 'Private/Keep.md': '# Keep\n' });
    symlinkSync(join(outside, 'secret.txt'), join(vault, 'Private', 'Passwd.md'));
    const loaded = await loadVault(vault, { ignore: ['Private/**'] });
    expect(loaded.notes.map((note) => note.path)).toEqual(['Home.md']);
    expect(loaded.problems).toEqual([]);
  });

  it('follows a symlink inside the vault, but not one that loops back to a folder holding it', async () => {
    const { vault } = projectWithOutside({ 'Home.md': '# Home\n', 'Real/Inside.md': '# Inside\n', 'A/a.md': '# a\n', 'B/b.md': '# b\n' });
    symlinkSync('.', join(vault, 'loop'));
    symlinkSync('Real', join(vault, 'Alias'));
    symlinkSync('Home.md', join(vault, 'Home Link.md'));
    symlinkSync('../B', join(vault, 'A', 'toB'));
    symlinkSync('../A', join(vault, 'B', 'toA'));
    const loaded = await loadVault(vault);
    const paths = loaded.notes.map((note) => note.path);
    expect(paths).toEqual(['A/a.md', 'A/toB/b.md', 'Alias/Inside.md', 'B/b.md', 'B/toA/a.md', 'Home Link.md', 'Home.md', 'Real/Inside.md']);
    const problems = (loaded.problems ?? []).map((problem) => `${problem.rule} ${problem.file}`);
    expect(problems).toEqual(['unsafe-symlink A/toB/toA', 'unsafe-symlink B/toA/toB', 'unsafe-symlink loop']);
    expect(loaded.problems?.[2]?.message).toContain('would loop');
  });

  it('build publishes nothing from outside the vault and lists each link as a warning', async () => {
    const { dir, vault, outside } = projectWithOutside({ 'Home.md': '# Home\n\n![[pw.png]]\n' });
    symlinkSync(join(outside, 'secret.txt'), join(vault, 'Passwd.md'));
    symlinkSync(join(outside, 'secret.txt'), join(vault, 'pw.png'));
    symlinkSync(join(outside, 'folder'), join(vault, 'Linked'));
    writeFileSync(join(dir, 'almanac.yaml'), 'vault: notes\noutput: site\n');
    const result = await build({ cwd: dir, cache: false, search: true });
    expect(result.warnings.filter((warning) => warning.rule === 'unsafe-symlink').map((warning) => warning.file)).toEqual(['Linked', 'Passwd.md', 'pw.png']);
    const site = join(dir, 'site');
    for (const file of allFiles(site)) {
      const text = readFileSync(file, 'latin1');
      expect(text, file).not.toContain('SECRET-PASSWD-LINE');
      expect(text, file).not.toContain('SECRET-FOLDER-NOTE');
    }
    expect(existsSync(join(site, 'files', 'pw.png'))).toBe(false);
  });
});

describe('vault size', () => {
  it('refuses the file-system root and the home folder as a vault', async () => {
    await expect(loadVault('/')).rejects.toThrow(ConfigError);
    await expect(loadVault('/')).rejects.toThrow(/file-system root/);
    await expect(loadVault(homedir())).rejects.toThrow(/home folder/);
  });

  it('stops at limits.files and says which limit to raise', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`n${index}.md`, `# ${index}\n`]));
    const dir = writeVault(files);
    await expect(loadVault(dir, { limits: { files: 20 } })).rejects.toThrow(/more than 20 files and folders \(limits\.files\)/);
    expect((await loadVault(dir, { limits: { files: 30 } })).notes).toHaveLength(30);
  });

  it('skips a note over limits.note-size with a problem; links to it still resolve and it is not published', async () => {
    const dir = writeVault({ 'Home.md': '# Home\n\n[[Big]]\n', 'Big.md': `# Big\n\n${'word '.repeat(400)}\n` });
    const vault = await loadVault(dir, { limits: { 'note-size': 1000 } });
    const big = vault.notes.find((note) => note.path === 'Big.md');
    expect(big?.publish).toBe(false);
    expect(big?.headings).toEqual([]);
    const result = check(vault, { config: CONFIG });
    expect(lines(result)).toEqual(['Big.md:1:1 warning Note is 2.0 KB, over the 1000 bytes limit (limits.note-size): not read, checked or published [note-too-large]']);
  });

  it('reads limits from almanac.yaml', () => {
    const config = parseConfig('limits: {files: 10, note-size: 2048}');
    expect(config.limits).toEqual({ files: 10, 'note-size': 2048 });
    expect(parseConfig('').limits).toEqual({ files: 200_000, 'note-size': 5 * 1024 * 1024 });
    expect(() => parseConfig('limits: {files: -1}')).toThrow(ConfigError);
  });
});
