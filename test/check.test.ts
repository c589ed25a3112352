import { describe, expect, it } from 'vitest';
import { checkFiles, lines } from './support/vault.js';

describe('rules', () => {
  it('invalid-frontmatter is an error at the YAML line, and the rest of the vault is still checked', async () => {
    const result = await checkFiles({
      'Broken.md': '---\ntype: etf\ntags: [etf\n---\n# Broken\n\n[[Missing One]]\n',
      'Fine.md': '[[Missing Two]] [[Broken]]\n',
    });
    expect(lines(result)).toEqual([
      expect.stringMatching(/^Broken\.md:3:11 error Invalid frontmatter YAML: .+ \[invalid-frontmatter\]$/),
      'Broken.md:7:1 error No note or file named “Missing One” [unresolved-link]',
      'Fine.md:1:1 error No note or file named “Missing Two” [unresolved-link]',
    ]);
  });

  it('invalid-frontmatter for an unknown type and a missing required key (schema per type)', async () => {
    const config = 'types:\n  etf: {required: [ticker]}\n  company: {}\nrules: {orphan-note: off}\n';
    const result = await checkFiles(
      { 'XLI.md': '---\ntype: etf\n---\n', 'Odd.md': '---\ntitle: Odd\ntype: gadget\n---\n', 'NVIDIA.md': '---\ntype: company\n---\n' },
      config,
    );
    expect(lines(result)).toEqual([
      'Odd.md:3:1 error Unknown note type “gadget”; expected one of etf, company [invalid-frontmatter]',
      'XLI.md:2:1 error etf notes need a `ticker` in their frontmatter [invalid-frontmatter]',
    ]);
  });

  it('duplicate-block-id points at the second use', async () => {
    const result = await checkFiles({ 'a.md': 'One ^same\n\nTwo ^same\n\nThree ^other\n' });
    expect(lines(result)).toEqual(['a.md:3:1 error Block id ^same is already used on line 1; links to it open the first one [duplicate-block-id]']);
  });

  it('orphan-note is info by default and skips the home page', async () => {
    const result = await checkFiles({ 'index.md': '[[A]]', 'A.md': '', 'Lonely.md': '' }, '');
    expect(lines(result)).toEqual(['Lonely.md:1:1 info No other note links to “Lonely” [orphan-note]']);
    expect(result.summary).toMatchObject({ errors: 0, warnings: 0, infos: 1 });
  });

  it('per-rule severity from config, including off', async () => {
    const result = await checkFiles(
      { 'a.md': '[[Missing]] [[NVDA]]', 'NVIDIA.md': '---\naliases: [NVDA]\n---\n[[a]]' },
      'rules:\n  unresolved-link: warning\n  alias-link: off\n  orphan-note: off\n',
    );
    expect(lines(result)).toEqual(['a.md:1:1 warning No note or file named “Missing” [unresolved-link]']);
  });
});

describe('inline suppression', () => {
  it('%% almanac-ignore RULE %% on its own line silences the next line, for that rule only', async () => {
    const result = await checkFiles({
      'a.md': '%% almanac-ignore unresolved-link %%\n[[Gone]] [[B#Nope]]\n\n[[Also Gone]]\n',
      'B.md': '[[a]]',
    });
    expect(lines(result)).toEqual([
      'a.md:2:10 error No heading “Nope” in “B” [unresolved-heading]',
      'a.md:4:1 error No note or file named “Also Gone” [unresolved-link]',
    ]);
  });

  it('at the end of a line it silences that line; without rules it silences every rule', async () => {
    const result = await checkFiles({ 'a.md': '[[Gone]] [[B#Nope]] %% almanac-ignore %%\n[[Other]]\n', 'B.md': '[[a]]' });
    expect(lines(result)).toEqual(['a.md:2:1 error No note or file named “Other” [unresolved-link]']);
  });

  it('almanac-ignore-file silences a rule in the whole note', async () => {
    const result = await checkFiles({ 'a.md': '%% almanac-ignore-file unresolved-link %%\n\n[[Gone]]\n\n![[gone.png]]\n' });
    expect(lines(result)).toEqual(['a.md:5:1 error No attachment named “gone.png” in the vault [unresolved-attachment]']);
  });
});
