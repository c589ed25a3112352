// Hostile vaults: symlinks out of the vault and loops, notes that are not UTF-8, case twins,
// vaults and notes over the size limits. Every vault is a throwaway folder under the OS temp dir.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { decodeNote } from '../src/vault/read-note.js';
import { check } from '../src/check/index.js';
import { parseConfig } from '../src/config/load.js';
import { build } from '../src/publish/index.js';
import { ConfigError } from '../src/errors.js';
import { lines, runCli, tempDir, writeVault } from './support/vault.js';

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
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name));
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
    expect(result.problems.filter((problem) => problem.file === 'Home.md').map((problem) => problem.rule)).toEqual([
      'unresolved-link',
      'unresolved-attachment',
      'unresolved-link',
    ]);
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
    expect(lines(result)).toEqual([
      'Big.md:1:1 warning Note is 2.0 KB, over the 1000 bytes limit (limits.note-size): not read, checked or published [note-too-large]',
    ]);
  });

  it('the CLI exits 2 on a vault that is / or over limits.files, and 0 on a symlink warning', () => {
    expect(runCli(['check', '--vault', '/'])).toMatchObject({ status: 2, stderr: expect.stringContaining('file-system root') });
    const { dir, vault, outside } = projectWithOutside({ 'Home.md': '# Home\n' });
    symlinkSync(join(outside, 'secret.txt'), join(vault, 'Passwd.md'));
    writeFileSync(join(dir, 'almanac.yaml'), 'vault: notes\nrules: {orphan-note: off}\n');
    const run = runCli(['check', '--format', 'github'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('unsafe-symlink');
    writeFileSync(join(dir, 'almanac.yaml'), 'vault: notes\nlimits: {files: 1}\n');
    expect(runCli(['build'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('limits.files') });
  });

  it('reads limits from almanac.yaml', () => {
    const config = parseConfig('limits: {files: 10, note-size: 2048}');
    expect(config.limits).toEqual({ files: 10, 'note-size': 2048 });
    expect(parseConfig('').limits).toEqual({ files: 200_000, 'note-size': 5 * 1024 * 1024 });
    expect(() => parseConfig('limits: {files: -1}')).toThrow(ConfigError);
  });
});

describe('encodings', () => {
  const note = '# Café\n\nSee [[Other]] and ==marks==.\n';
  const utf16be = (text: string): Buffer => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    for (let index = 0; index + 1 < le.length; index += 2) [le[index], le[index + 1]] = [le[index + 1] ?? 0, le[index] ?? 0];
    return le;
  };

  it('reads a UTF-16 note (LE or BE, with BOM) by its byte-order mark', async () => {
    const dir = writeVault({ 'Le.md': Buffer.from(`\uFEFF${note}`, 'utf16le'), 'Be.md': utf16be(note), 'Other.md': '# Other\n' });
    const vault = await loadVault(dir);
    for (const path of ['Be.md', 'Le.md']) {
      const parsed = vault.notes.find((entry) => entry.path === path);
      expect(parsed?.title === 'Café' || parsed?.headings[0]?.text).toBe('Café');
      expect(parsed?.links.map((link) => link.target)).toEqual(['Other']);
    }
    expect(check(vault, { config: CONFIG }).problems).toEqual([]);
  });

  it('reports bytes that are not UTF-8 with their offset and line, and still reads the rest', async () => {
    const latin1 = Buffer.concat([Buffer.from('# Menu\n\nline two\ncaf'), Buffer.from([0xe9]), Buffer.from(' au lait [[Other]]\n')]);
    const dir = writeVault({ 'Latin.md': latin1, 'Other.md': '# Other\n' });
    const vault = await loadVault(dir);
    const result = check(vault, { config: CONFIG });
    expect(lines(result)).toEqual([
      'Latin.md:4:1 error Not valid UTF-8 at byte 20: save the note as UTF-8 (bytes that are not UTF-8 read as U+FFFD) [invalid-encoding]',
    ]);
    expect(latin1[20]).toBe(0xe9);
    const parsed = vault.notes.find((entry) => entry.path === 'Latin.md');
    expect(parsed?.links.map((link) => link.target)).toEqual(['Other']);
    expect(parsed?.links[0]?.context).toContain('caf\uFFFD au lait');
  });
});

describe('first invalid UTF-8 byte', () => {
  it.each([
    ['a stray continuation byte after a complete sequence', [0x61, 0xc3, 0xa9, 0x80], 3],
    ['a 3-byte sequence cut by ASCII', [0xe2, 0x82, 0x41], 0],
    ['a byte that is never UTF-8', [0x6f, 0x6b, 0xff], 2],
    ['a sequence cut by the end of the file', [0x61, 0x0a, 0xe2, 0x82], 2],
  ])('%s', (_name, bytes, offset) => {
    expect(decodeNote(Uint8Array.from(bytes)).invalid?.offset).toBe(offset);
  });
});

describe('case twins', () => {
  it('a link to one of A.md and a.md is ambiguous-link, and lands on the one spelled as the link is', async () => {
    const vault = await loadVault(
      writeVault({ 'A.md': '# Upper\n', 'a.md': '# Lower\n', 'Home.md': '[[A]] [[a]]\n', 'Sub/B.md': '# B\n', 'Sub/b.md': '# b\n', 'Other/Far.md': '[[B]]\n' }),
    );
    const result = check(vault, { config: CONFIG });
    const ambiguous = result.problems.filter((problem) => problem.rule === 'ambiguous-link');
    expect(ambiguous.map((problem) => `${problem.file}:${problem.column} ${problem.severity}`)).toEqual([
      'Home.md:1 warning',
      'Home.md:7 warning',
      'Other/Far.md:1 warning',
    ]);
    expect(ambiguous[0]?.message).toBe(
      '“A” names A.md and a.md, notes whose paths differ only in case; Almanac links A.md. The vault breaks on case-insensitive file systems (macOS, Windows), where only one of them can exist: rename one',
    );
    expect(ambiguous[1]?.message).toContain('Almanac links a.md');
    expect(ambiguous[2]?.message).toContain('Sub/B.md and Sub/b.md');
  });
});
