// Notes nested deep enough to overflow a parser's or a tree walker's stack (issue 12 §6):
// each gets a `parse-error` problem with its line and a placeholder page, and the rest of
// the vault is checked and built, in this thread and (CLI, over 300 notes) in note workers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { parseNote } from '../src/parse/index.js';
import { MAX_NESTING } from '../src/parse/nesting.js';
import { WORKER_THRESHOLD } from '../src/vault/load.js';
import { checkFiles, runCli, tempDir, writeVault } from './support/vault.js';

const indented = (levels: number): string => Array.from({ length: levels }, (_, level) => `${' '.repeat(level * 2)}- item ${level}`).join('\n');

/** Each shape crashed `check` or `build` (or took 40 s) before nesting was capped. */
const HOSTILE: Record<string, string> = {
  'dashes.md': `${'- '.repeat(1000)}x`,
  'dashes-2000.md': `${'- '.repeat(2000)}x`,
  'ordered.md': '1. '.repeat(10_000),
  'divs.md': `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`,
  'indented.md': `---\ntitle: Indented\n---\n${indented(1000)}`,
  // The source check cannot see these divs (a `<` in a quoted attribute): rendering catches them.
  // 20,000 of them: a worker thread's stack is larger than the main thread's.
  'sneaky-divs.md': `${'<div title="<">'.repeat(20_000)}x${'</div>'.repeat(20_000)}`,
};

/** File line each shape is reported at (the indented list: its first line past the cap, after 3 lines of frontmatter). */
const LINES: Record<string, number> = { 'dashes.md': 1, 'dashes-2000.md': 1, 'ordered.md': 1, 'divs.md': 1, 'indented.md': 3 + MAX_NESTING + 1 };

const GOOD = { 'Good.md': '# Good\n\nLinks to [[dashes]] and [[Other#Part]].\n', 'Other.md': '# Other\n\n## Part\n\n- a\n  - b\n    - c\n' };

describe('deeply nested notes', () => {
  it('check reports each as parse-error with file:line and checks the rest', async () => {
    const result = await checkFiles({ ...HOSTILE, ...GOOD, 'Broken.md': '[[Nowhere]]' });
    const parseErrors = result.problems.filter((problem) => problem.rule === 'parse-error');
    expect(parseErrors.map((problem) => [problem.file, problem.line, problem.severity])).toEqual(Object.entries(LINES).map(([file, line]) => [file, line, 'error']).sort());
    // The rest of the vault is checked as usual.
    expect(result.problems.filter((problem) => problem.rule === 'unresolved-link').map((problem) => problem.file)).toEqual(['Broken.md']);
  });

  it('reads a 1,000-level indented list in well under a second (it took 40 s)', () => {
    const started = performance.now();
    const note = parseNote('indented.md', indented(1000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(note.issues).toEqual([expect.objectContaining({ rule: 'parse-error', line: MAX_NESTING + 1 })]);
  });

  it('lets nesting up to the cap through', () => {
    expect(parseNote('ok.md', indented(MAX_NESTING - 1)).issues).toEqual([]);
    expect(parseNote('ok.md', `${'> '.repeat(50)}quote`).issues).toEqual([]);
  });

  it('build (in this thread) gives each a placeholder page and a parse-error warning, and builds the rest', async () => {
    const vault = writeVault({ ...HOSTILE, ...GOOD });
    const out = join(tempDir(), 'site');
    const result = await build({ vault, out, search: false });
    const warned = result.warnings.filter((warning) => warning.rule === 'parse-error').map((warning) => warning.file);
    expect(warned).toEqual(Object.keys(HOSTILE).sort());
    for (const file of Object.keys(HOSTILE)) {
      const html = readFileSync(join(out, file.replace(/\.md$/, ''), 'index.html'), 'utf8');
      expect(html).toContain('class="parse-error"');
      expect(html).toContain('could not be rendered');
    }
    const good = readFileSync(join(out, 'good', 'index.html'), 'utf8');
    expect(good).toContain('href="/other/#part"');
    expect(good).toContain('href="/dashes/"');
  });
});

describe('deeply nested notes through the CLI (note workers)', () => {
  it('check and build report them and build the rest of a vault large enough for workers', () => {
    const filler: Record<string, string> = {};
    for (let index = 0; index < WORKER_THRESHOLD; index++) filler[`filler/Note ${index}.md`] = `# Note ${index}\n\nSee [[Note ${(index + 1) % WORKER_THRESHOLD}]].\n`;
    const notes = Object.entries({ ...HOSTILE, ...GOOD, ...filler }).map(([path, source]) => [`vault/${path}`, source]);
    const project = writeVault({ ...Object.fromEntries(notes), 'almanac.yaml': 'vault: vault\noutput: site\nrules: {orphan-note: off}\n' });
    const checked = runCli(['check', '--format', 'json'], project);
    expect(checked.status).toBe(1);
    const problems = (JSON.parse(checked.stdout) as { problems: Array<{ rule: string; file: string; line: number }> }).problems;
    expect(problems.filter((problem) => problem.rule === 'parse-error').map((problem) => [problem.file, problem.line])).toEqual(Object.entries(LINES).sort());
    expect(problems.filter((problem) => problem.rule !== 'parse-error')).toEqual([]);

    const built = runCli(['build', '--no-search'], project);
    expect(built.status).toBe(0);
    for (const file of Object.keys(HOSTILE)) expect(built.stderr).toContain(`${file}:${LINES[file] ?? 1}:1 warning The note could not be rendered`);
    const site = join(project, 'site');
    for (const file of Object.keys(HOSTILE)) expect(readFileSync(join(site, file.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('class="parse-error"');
    expect(existsSync(join(site, 'filler', 'note-299', 'index.html'))).toBe(true);
    expect(readFileSync(join(site, 'good', 'index.html'), 'utf8')).toContain('href="/other/#part"');
  }, 60_000);
});
