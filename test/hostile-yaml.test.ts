// Issue 12 §6 and §7: hostile YAML. In a note (unresolved alias, billion laughs, circular
// merge) it is an `invalid-frontmatter` problem at its line, the note stays private and the
// rest of the vault builds; in almanac.yaml it is a config error (exit 2) with file:line.
// Duplicate keys are found in one pass (yaml's `uniqueKeys` is quadratic) and frontmatter
// over a size cap is not parsed at all.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/publish/index.js';
import { openProject } from '../src/project/index.js';
import { check } from '../src/check/index.js';
import { parseConfig } from '../src/config/load.js';
import { ConfigError } from '../src/errors.js';
import { readFrontmatter } from '../src/parse/frontmatter.js';
import { parseNote } from '../src/parse/index.js';
import { ROOT, tempDir, writeVault, type CliRun } from './support/vault.js';
import { allText } from './fixtures/publish/crawl.js';

/** The CLI, run without blocking, so a test's runs overlap (each spends most of its time starting Node). */
function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/almanac.js'), ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** `levels` anchors, each a list of ten aliases of the one before (10^levels values). */
function billionLaughs(levels: number): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= levels; level++) lines.push(`l${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(', ')}]`);
  return lines.join('\n');
}

/** Each hostile document, and the line (within the YAML text, 1-based) the problem is reported at. */
const HOSTILE: Array<{ name: string; yaml: string; line: number; message: RegExp }> = [
  { name: 'unresolved-alias', yaml: 'title: fine\nz: *undefined', line: 2, message: /Unresolved alias/ },
  // l2 (line 3) is the first value that alone expands more aliases than the cap of 100.
  { name: 'billion-laughs', yaml: billionLaughs(9), line: 3, message: /Excessive alias count/ },
  { name: 'circular-merge', yaml: 'title: fine\na: &a {b: 1, <<: *a}', line: 2, message: /circular/ },
];

describe('hostile YAML in a note', () => {
  let dir: string;
  let site: BuildResult;

  beforeAll(async () => {
    const files: Record<string, string> = {
      'almanac.yaml': 'vault: vault\n',
      'vault/Public.md': 'The xylophonic public note links to [[unresolved-alias]].\n',
    };
    for (const entry of HOSTILE) files[`vault/${entry.name}.md`] = `---\n${entry.yaml}\npublish: false\n---\nThe quixoticzebra of ${entry.name}.\n`;
    dir = writeVault(files);
    site = await build({ config: join(dir, 'almanac.yaml'), out: tempDir('almanac-yaml-'), cache: false });
  });

  it('parses to an invalid-frontmatter issue at its file line, never a throw', () => {
    for (const entry of HOSTILE) {
      const note = parseNote(`${entry.name}.md`, `---\n${entry.yaml}\n---\nbody\n`);
      expect(note.publish, entry.name).toBe(false);
      expect(note.frontmatter, entry.name).toEqual({});
      // The YAML starts on file line 2, after the opening `---`.
      expect(
        note.issues.map((issue) => [issue.rule, issue.line]),
        entry.name,
      ).toEqual([['invalid-frontmatter', entry.line + 1]]);
      expect(note.issues[0]?.message, entry.name).toMatch(entry.message);
    }
  });

  it('leaves the note out while the rest of the vault builds, with a warning each', () => {
    expect(site.plan.site.notes.map((entry) => entry.note.path)).toEqual(['Public.md']);
    expect(
      allText(site.outDir)
        .filter(({ text }) => text.includes('quixoticzebra'))
        .map(({ file }) => file),
    ).toEqual([]);
    const warned = site.warnings.filter((warning) => warning.rule === 'invalid-frontmatter').map((warning) => `${warning.file}:${warning.line}`);
    expect(warned.sort()).toEqual(HOSTILE.map((entry) => `${entry.name}.md:${entry.line + 1}`).sort());
  });

  it('is an invalid-frontmatter error in check', async () => {
    const project = await openProject({ config: join(dir, 'almanac.yaml'), cache: false });
    const result = check(project.vault, { config: project.config, graph: project.graph });
    const invalid = result.problems
      .filter((problem) => problem.rule === 'invalid-frontmatter')
      .map((problem) => `${problem.file}:${problem.line} ${problem.severity}`);
    expect(invalid.sort()).toEqual(HOSTILE.map((entry) => `${entry.name}.md:${entry.line + 1} error`).sort());
  });

  it('through the CLI: check exits 1 and build exits 0 (1 with --strict), naming each file:line', async () => {
    const [checked, built, strict] = await Promise.all([
      runCli(['check', '--no-cache'], dir),
      runCli(['build', '--no-cache', '--out', join(tempDir('almanac-yaml-'), 'site')], dir),
      runCli(['build', '--strict', '--no-cache', '--out', join(tempDir('almanac-yaml-'), 'site')], dir),
    ]);
    expect(checked.status).toBe(1);
    expect(built.status).toBe(0);
    expect(strict.status).toBe(1);
    for (const entry of HOSTILE) {
      expect(checked.stdout + checked.stderr).toContain(`${entry.name}.md:${entry.line + 1}:`);
      expect(built.stderr).toContain(`${entry.name}.md:${entry.line + 1}:`);
      expect(strict.stderr).toContain(`${entry.name}.md:${entry.line + 1}:`);
    }
    for (const run of [checked, built, strict]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('hostile YAML in almanac.yaml', () => {
  it.each(HOSTILE)('$name is a ConfigError with file:line', ({ yaml, line, message }) => {
    const text = `vault: notes\n${yaml}\n`;
    let error: unknown;
    try {
      parseConfig(text, 'almanac.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(new RegExp(`^almanac\\.yaml:${line + 1}: `));
    expect(String((error as Error).message)).toMatch(message);
  });

  it('exits 2 with file:line from check and build', async () => {
    const runs = HOSTILE.flatMap((entry) => {
      const dir = writeVault({ 'almanac.yaml': `vault: notes\n${entry.yaml}\n`, 'notes/A.md': 'A note.\n' });
      return ['check', 'build'].map(async (command) => ({ entry, command, run: await runCli([command, '--no-cache'], dir) }));
    });
    for (const { entry, command, run } of await Promise.all(runs)) {
      expect(run.status, `${command} ${entry.name}`).toBe(2);
      expect(run.stderr, `${command} ${entry.name}`).toContain(`almanac.yaml:${entry.line + 1}: `);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('large frontmatter', () => {
  const keys = (count: number): string => Array.from({ length: count }, (_, index) => `key${index}: value ${index}`).join('\n');

  it('finds a duplicate key among 20,000 in one pass, at the second one', () => {
    const source = `---\n${keys(20_000)}\nkey7: again\n---\nbody\n`;
    const started = performance.now();
    const frontmatter = readFrontmatter(source, { maxSize: Infinity });
    const seconds = (performance.now() - started) / 1000;
    expect(frontmatter.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [20_002, 'Invalid frontmatter YAML: duplicate key `key7` (first on line 9); the note is left out of the site'],
    ]);
    // yaml's own uniqueKeys took 34 s at 30,000 keys here (quadratic); one pass takes well under one.
    expect(seconds).toBeLessThan(5);
  }, 20_000);

  it('finds duplicates in nested mappings too, and keys equal as strings (1 and "1")', () => {
    expect(readFrontmatter('---\nouter:\n  a: 1\n  b: 2\n  a: 3\n---\n').issues.map((issue) => issue.line)).toEqual([5]);
    expect(readFrontmatter('---\n1: one\n"1": uno\n---\n').issues.map((issue) => issue.line)).toEqual([3]);
    expect(readFrontmatter('---\na: 1\nb: {a: 2}\n---\n').issues).toEqual([]);
  });

  it('does not parse frontmatter over the size cap, and keeps the note private', () => {
    const source = `---\npublish: true\n${keys(200)}\n---\nbody\n`;
    expect(readFrontmatter(source).issues).toEqual([]);
    const capped = readFrontmatter(source, { maxSize: 1000 });
    expect(capped.data).toEqual({});
    expect(capped.issues).toHaveLength(1);
    expect(capped.issues[0]).toMatchObject({ line: 1, unpublished: true });
    expect(capped.issues[0]?.message).toMatch(/^Frontmatter is [\d,]+ characters, over the 1,000 read/);
    expect(capped.body).toBe('body\n');
  });
});
