// Notes nested deep enough to overflow a parser's or a tree walker's stack (issue 12 §6):
// each gets a `parse-error` problem with its line and a placeholder page, and the rest of
// the vault is checked and built (in note workers too: test/hostile-workers.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { parseNote } from '../src/parse/index.js';
import { MAX_NESTING } from '../src/parse/nesting.js';
import { checkFiles, tempDir, writeVault } from './support/vault.js';
import { GOOD, HOSTILE, indented, LINES } from './support/hostile-fixtures.js';

describe('deeply nested notes', () => {
  it('check reports each as parse-error with file:line and checks the rest', async () => {
    const result = await checkFiles({ ...HOSTILE, ...GOOD, 'Broken.md': '[[Nowhere]]' });
    const parseErrors = result.problems.filter((problem) => problem.rule === 'parse-error');
    expect(parseErrors.map((problem) => [problem.file, problem.line, problem.severity])).toEqual(
      Object.entries(LINES)
        .map(([file, line]) => [file, line, 'error'])
        .sort(),
    );
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
