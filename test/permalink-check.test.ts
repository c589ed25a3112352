// `check` reports the permalinks `build` cannot use (rule `permalink-conflict`, file:line), by
// the same placement build uses: an unusable value, one another note's URL has, one an earlier
// note's permalink took, one a folder the site writes; a private note's permalink is not checked.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { defaultConfig } from '../src/config/schema.js';
import { loadVault } from '../src/vault/load.js';
import { writeVault } from './support/vault.js';

async function permalinkProblems(files: Record<string, string>, rules: Record<string, string> = {}): Promise<string[]> {
  const vault = await loadVault(writeVault(files), { trees: false });
  const config = { ...defaultConfig(), rules: { ...defaultConfig().rules, ...rules } } as ReturnType<typeof defaultConfig>;
  return check(vault, { config })
    .problems.filter((problem) => problem.rule === 'permalink-conflict')
    .map((problem) => `${problem.file}:${problem.line} ${problem.severity} ${problem.message}`);
}

describe('permalink-conflict', () => {
  it('reports taken and unusable permalinks at their line, and no others', async () => {
    const problems = await permalinkProblems({
      'Guide.md': '# Guide\n',
      'A.md': '---\ntitle: A\npermalink: guide\n---\n',
      'B.md': '---\npermalink: start\n---\n',
      'C.md': '---\ntags: [x]\n\npermalink: /Start/\n---\n',
      'D.md': '---\npermalink: https://example.com/d\n---\n',
      'E.md': '---\npermalink: assets\n---\n',
      'F.md': '---\npermalink: fine/here\n---\n',
      'Private.md': '---\npublish: false\npermalink: guide\n---\n',
    });
    expect(problems).toEqual([
      'A.md:3 warning Permalink “guide” is already the URL of Guide.md; the note keeps its own URL /a/',
      'C.md:4 warning Permalink “start” is already the URL of B.md; the note keeps its own URL /c/',
      'D.md:2 warning Frontmatter `permalink` must be a path on this site, not a URL (“https://example.com/d”); the note keeps its own URL',
      'E.md:2 warning Permalink “assets” is a URL Almanac keeps for its own pages; the note keeps its own URL /e/',
    ]);
  });

  it('follows the rule severity in almanac.yaml', async () => {
    const files = { 'A.md': '---\npermalink: b\n---\n', 'B.md': '# B\n' };
    expect(await permalinkProblems(files, { 'permalink-conflict': 'error' })).toEqual([
      'A.md:2 error Permalink “b” is already the URL of B.md; the note keeps its own URL /a/',
    ]);
    expect(await permalinkProblems(files, { 'permalink-conflict': 'off' })).toEqual([]);
  });
});
