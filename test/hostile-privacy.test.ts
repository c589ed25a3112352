// Issue 12 §2: when Almanac cannot tell for sure that a note is public, it is private.
// Frontmatter that does not parse (CRLF, duplicate keys, tabs, unclosed quotes or blocks) and a
// `publish` that is not a YAML boolean leave the note out, `check` reports it, `build` warns
// (file:line) and `build --strict` fails; `site.exclude` takes globs and warns when one matches nothing.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, BuildError, type BuildResult } from '../src/publish/index.js';
import { openProject } from '../src/project/index.js';
import { check } from '../src/check/index.js';
import { buildSiteModel } from '../src/publish/model/site-model.js';
import { parseNote } from '../src/parse/index.js';
import { runCli, tempDir, writeVault } from './support/vault.js';
import { allText, listFiles } from './fixtures/publish/crawl.js';

const NOW = new Date('2026-02-01T00:00:00Z');

/** A private note's frontmatter, the line of the problem in the file, and a word only it holds. */
interface HostileCase {
  name: string;
  frontmatter: string;
  line: number;
}

const CASES: HostileCase[] = [
  { name: 'crlf-false', frontmatter: '---\r\npublish: false\r\n---\r\n', line: 0 },
  { name: 'crlf-flow-list-last', frontmatter: '---\r\npublish: false\r\ntags: [a]\r\n---\r\n', line: 0 },
  { name: 'duplicate-key', frontmatter: '---\npublish: false\ntitle: A\ntitle: B\n---\n', line: 4 },
  { name: 'tab-indent', frontmatter: '---\npublish: false\nlist:\n\t- a\n---\n', line: 4 },
  { name: 'unclosed-quote', frontmatter: '---\npublish: false\ntitle: "never closed\n---\n', line: 3 },
  { name: 'unclosed-block', frontmatter: '---\npublish: false\ntitle: A\n', line: 1 },
  // Found by the fuzz suite (test/fuzz-findings.md §2): a `...` document end inside the block, an over-indented line, a stray `&`.
  { name: 'document-end', frontmatter: '---\npublish: false\n...\npublish: true\n---\n', line: 4 },
  { name: 'over-indented', frontmatter: '---\npublish: false\n  over: indented\n---\n', line: 2 },
  { name: 'stray-anchor', frontmatter: '---\npublish: false\n&\n\n---\n', line: 3 },
  { name: 'string-false', frontmatter: '---\npublish: "false"\n---\n', line: 2 },
  { name: 'no', frontmatter: '---\npublish: no\n---\n', line: 2 },
  { name: 'off', frontmatter: '---\npublish: off\n---\n', line: 2 },
  { name: 'zero', frontmatter: '---\npublish: 0\n---\n', line: 2 },
  { name: 'n', frontmatter: '---\npublish: n\n---\n', line: 2 },
  { name: 'list-false', frontmatter: '---\npublish: [false]\n---\n', line: 2 },
  { name: 'empty', frontmatter: '---\npublish:\n---\n', line: 2 },
  { name: 'tagged-str', frontmatter: '---\npublish: !!str false\n---\n', line: 2 },
  { name: 'capital-key', frontmatter: '---\ntitle: Cap\nPublish: false\n---\n', line: 3 },
  { name: 'both-keys', frontmatter: '---\npublish: true\nPUBLISH: false\n---\n', line: 3 },
];

/** Made of letters only, so the search index keeps it as one word. */
const secretWord = (index: number): string => `quixotic${'abcdefghijklmnopqrstuvwxyz'[index] ?? 'z'}zebra`;

function privacyVault(): Record<string, string> {
  const files: Record<string, string> = {
    'almanac.yaml': 'vault: vault\nsite:\n  title: Privacy\n',
    'vault/Public.md': '# Public\n\nThe xylophonic public note.\n',
    'vault/Stated True.md': '---\npublish: true\n---\nA note that says publish true, crlf or not.\n',
    'vault/Crlf True.md': '---\r\npublish: true\r\ntags: [open]\r\n---\r\nA CRLF note that says publish true.\r\n',
  };
  CASES.forEach((entry, index) => {
    files[`vault/hostile-${entry.name}.md`] = `${entry.frontmatter}The ${secretWord(index)} lives here.\n`;
  });
  return files;
}

describe('notes whose frontmatter Almanac cannot read for sure', () => {
  let dir: string;
  let site: BuildResult;

  beforeAll(async () => {
    dir = writeVault(privacyVault());
    site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-privacy-'), now: NOW, cache: false });
  });

  it('are not published: no page, no search text, no file names', () => {
    expect(site.plan.site.notes.map((entry) => entry.note.path).sort()).toEqual(['Crlf True.md', 'Public.md', 'Stated True.md']);
    const texts = allText(site.outDir);
    // Positive control: the published text is in the pages and the search index.
    expect(texts.some(({ file, text }) => file.startsWith('search-index/') && text.includes('xylophon'))).toBe(true);
    const leaks = texts.flatMap(({ file, text }) =>
      CASES.flatMap((_entry, index) => (text.includes(secretWord(index)) ? [`${file}: ${secretWord(index)}`] : [])),
    );
    expect(leaks).toEqual([]);
    expect(listFiles(site.outDir).filter((file) => file.includes('hostile'))).toEqual([]);
  });

  it('are each named in a build warning with file:line', () => {
    const warned = site.warnings.filter((warning) => warning.rule === 'invalid-frontmatter');
    for (const entry of CASES.filter((item) => item.line > 0)) {
      const found = warned.filter((warning) => warning.file === `hostile-${entry.name}.md`);
      expect(
        found.map((warning) => warning.line),
        entry.name,
      ).toEqual([entry.line]);
      expect(found[0]?.message, entry.name).toMatch(/left out of the site/);
    }
    // The CRLF notes parse now: they say `publish: false`, so they are private with nothing to warn about.
    expect(warned.filter((warning) => warning.file.startsWith('hostile-crlf-'))).toEqual([]);
  });

  it('make `build --strict` fail, naming them', async () => {
    const failed = build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-privacy-'), now: NOW, strict: true, cache: false });
    await expect(failed).rejects.toBeInstanceOf(BuildError);
    await expect(failed).rejects.toThrow(/hostile-string-false\.md:2:1 +warning +Frontmatter `publish` must be true or false/);
    await expect(failed).rejects.toThrow(new RegExp(`^${CASES.filter((entry) => entry.line > 0).length} warnings \\(--strict\\):`));
  });

  it('are reported by check as invalid-frontmatter at their line', async () => {
    const project = await openProject({ config: join(dir, 'almanac.yaml'), cache: false });
    const result = check(project.vault, { config: project.config, graph: project.graph });
    const invalid = result.problems.filter((problem) => problem.rule === 'invalid-frontmatter');
    for (const entry of CASES.filter((item) => item.line > 0)) {
      expect(
        invalid.some((problem) => problem.file === `hostile-${entry.name}.md` && problem.line === entry.line),
        entry.name,
      ).toBe(true);
    }
    // CRLF frontmatter reads as it does with LF: `publish: false` is false, no problem at all.
    expect(invalid.filter((problem) => problem.file.startsWith('hostile-crlf-'))).toEqual([]);
    const crlf = project.vault.notes.find((note) => note.path === 'hostile-crlf-flow-list-last.md');
    expect(crlf?.publish).toBe(false);
    expect(crlf?.tags.map((tag) => tag.name)).toEqual(['a']);
  });
});

describe('the publish key', () => {
  it('publishes `publish: true` and a note without the key, silently', () => {
    for (const source of ['---\npublish: true\n---\nx\n', '---\ntitle: T\n---\nx\n', 'x\n']) {
      const note = parseNote('a.md', source);
      expect([note.publish, note.issues], source).toEqual([true, []]);
    }
  });

  it('reads `Publish: true` as publish, and reports the casing without leaving the note out', () => {
    const note = parseNote('a.md', '---\nPublish: true\n---\nx\n');
    expect(note.publish).toBe(true);
    expect(note.issues.map((issue) => [issue.line, issue.unpublished, issue.message])).toEqual([
      [2, false, 'Frontmatter key `Publish` is read as `publish`: write it in lower case'],
    ]);
  });
});

describe('site.exclude', () => {
  const files = {
    'vault/Public.md': 'Links to ![[Private/photo.png]] and [[Hidden]].\n',
    'vault/Private/Hidden.md': 'The hidden note.\n',
    'vault/Private/Deep/Deeper.md': 'A deeper hidden note.\n',
    'vault/Private/photo.png': 'png',
    'vault/Notes/Private/Nested.md': 'A private folder further down.\n',
    'vault/Privateer.md': 'Not in the Private folder.\n',
  };

  async function publishedWith(exclude: string[]): Promise<{ published: string[]; attachments: string[]; unmatched: string[] }> {
    const dir = writeVault({
      ...files,
      'almanac.yaml': `vault: vault\nsite:\n  exclude:\n${exclude.map((entry) => `    - ${JSON.stringify(entry)}\n`).join('')}`,
    });
    const project = await openProject({ config: join(dir, 'almanac.yaml'), cache: false });
    const site = buildSiteModel({ notes: project.vault.notes, graph: project.graph, vaultRoot: project.vaultDir, base: '/', options: project.config.site });
    return {
      published: site.notes.map((entry) => entry.note.path).sort(),
      attachments: [...site.attachments.keys()],
      unmatched: site.warnings.filter((warning) => warning.rule === 'unmatched-exclude').map((warning) => warning.message),
    };
  }

  const everyNote = ['Notes/Private/Nested.md', 'Private/Deep/Deeper.md', 'Private/Hidden.md', 'Privateer.md', 'Public.md'];
  const without = (...paths: string[]): string[] => everyNote.filter((path) => !paths.includes(path));
  const privateFolder = ['Private/Deep/Deeper.md', 'Private/Hidden.md'];

  it.each([
    ['Private', without(...privateFolder)],
    ['Private/', without(...privateFolder)],
    ['./Private', without(...privateFolder)],
    ['/Private/', without(...privateFolder)],
    ['private', without(...privateFolder)],
    ['Priv*', without(...privateFolder, 'Privateer.md')],
    ['**/Private', without(...privateFolder, 'Notes/Private/Nested.md')],
    ['Private/Hidden.md', without('Private/Hidden.md')],
    ['Private/Hidden', without('Private/Hidden.md')],
    ['Private/**/*.md', without(...privateFolder)],
  ])('%s leaves out what it names', async (entry, published) => {
    const result = await publishedWith([entry]);
    expect(result.published).toEqual(published);
    expect(result.unmatched).toEqual([]);
  });

  it('keeps attachments in an excluded folder private', async () => {
    expect((await publishedWith(['**/Private'])).attachments).toEqual([]);
    expect((await publishedWith(['Private/Hidden'])).attachments).toEqual(['Private/photo.png']);
  });

  it('warns in build and check about an entry that matches nothing, at its line in almanac.yaml', async () => {
    const dir = writeVault({ ...files, 'almanac.yaml': 'vault: vault\nsite:\n  exclude:\n    - Private\n    - Secret Stuff\n' });
    const site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-privacy-'), now: NOW, cache: false });
    const unmatched = site.warnings.filter((warning) => warning.rule === 'unmatched-exclude');
    expect(unmatched.map((warning) => `${warning.file}:${warning.line}`)).toEqual(['../almanac.yaml:5']);
    expect(unmatched[0]?.message).toContain('`Secret Stuff`');
    const project = await openProject({ config: join(dir, 'almanac.yaml'), cache: false });
    const problems = check(project.vault, { config: project.config, graph: project.graph }).problems.filter((problem) => problem.rule === 'unmatched-exclude');
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.severity}`)).toEqual(['../almanac.yaml:5 warning']);
  });
});

describe('the CLI', () => {
  it('build warns about a note left out, and --strict exits 1', () => {
    const dir = writeVault({ 'almanac.yaml': 'vault: vault\n', 'vault/Public.md': 'Hello.\n', 'vault/Quoted.md': '---\npublish: "false"\n---\nSecret.\n' });
    const built = runCli(['build', '--out', join(tempDir('almanac-privacy-'), 'site'), '--no-cache'], dir);
    expect(built.status).toBe(0);
    expect(built.stderr).toMatch(/Quoted\.md:2:1 +warning +Frontmatter `publish` must be true or false/);
    const strict = runCli(['build', '--strict', '--out', join(tempDir('almanac-privacy-'), 'site'), '--no-cache'], dir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('Quoted.md:2:1');
    const checked = runCli(['check', '--no-cache'], dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout + checked.stderr).toMatch(/Quoted\.md:2:1 +error/);
  });
});
