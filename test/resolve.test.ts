// Resolution as Obsidian does it, asserted through the messages a user sees.
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { resolveLinks } from '../src/resolve/index.js';
import { normaliseHeading } from '../src/resolve/headings.js';
import { checkFiles, lines, writeVault } from './support/vault.js';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

async function targets(files: Record<string, string | Buffer>, from: string): Promise<Array<string | null>> {
  const graph = resolveLinks(await loadVault(writeVault(files)));
  return (graph.outgoing.get(from) ?? []).map((link) => link.note ?? link.file);
}

describe('note resolution', () => {
  it('is case-insensitive and makes .md optional', async () => {
    expect(await targets({ 'a.md': '[[nvidia]] [[NVIDIA.md]] [[Companies/nvidia]]', 'Companies/NVIDIA.md': '' }, 'a.md')).toEqual([
      'Companies/NVIDIA.md',
      'Companies/NVIDIA.md',
      'Companies/NVIDIA.md',
    ]);
  });

  it('prefers a path match, then the linking note’s folder, then the shortest path', async () => {
    const files = {
      'Desk/a.md': '[[Shared]] [[Deep/Shared]] [[Local]]',
      'Desk/Shared.md': '',
      'Desk/Local.md': '',
      'Elsewhere/Local.md': '',
      'Shared.md': '',
      'Deep/Shared.md': '',
      'Other/b.md': '[[Shared]]',
      'Other/Sub/c.md': '[[Note X]]',
      'Archive/Old/Note X.md': '',
      'Note X.md': '',
    };
    expect(await targets(files, 'Desk/a.md')).toEqual(['Shared.md', 'Deep/Shared.md', 'Desk/Local.md']);
    expect(await targets(files, 'Other/b.md')).toEqual(['Shared.md']);
    expect(await targets(files, 'Other/Sub/c.md')).toEqual(['Note X.md']);
  });

  it('resolves Markdown links relative to the note, and ./ ../ wikilinks', async () => {
    const files = { 'Theses/a.md': '[XLI](../ETFs/XLI.md) [[../ETFs/XLF]] [same](b.md)', 'ETFs/XLI.md': '', 'ETFs/XLF.md': '', 'Theses/b.md': '' };
    expect(await targets(files, 'Theses/a.md')).toEqual(['ETFs/XLI.md', 'ETFs/XLF.md', 'Theses/b.md']);
  });

  it('finds attachments by file name anywhere in the vault', async () => {
    expect(await targets({ 'a.md': '![[chart.png]] ![[chart.png|200]] [[img/chart.png]]', 'media/img/chart.png': PNG }, 'a.md')).toEqual([
      'media/img/chart.png',
      'media/img/chart.png',
      'media/img/chart.png',
    ]);
  });

  it('normalises headings the way Obsidian does', () => {
    expect(normaliseHeading('Minecraft: The Video Game')).toBe(normaliseHeading('minecraft the video game'));
    expect(normaliseHeading('wifi 2.4 vs 5.0')).toBe('wifi 2 4 vs 5 0');
    expect(normaliseHeading('How long does current rotation last?')).toBe('how long does current rotation last');
    expect(normaliseHeading("Investor's view")).toBe("investor's view");
  });
});

describe('check messages for links', () => {
  it('unresolved-link with a did-you-mean suggestion', async () => {
    const result = await checkFiles({ 'a.md': 'See [[Ed Yardeny]] and [[Nothing Like It]].', 'Analysts/Ed Yardeni.md': '[[a]]' });
    expect(lines(result)).toEqual([
      'a.md:1:5 error No note or file named “Ed Yardeny”; did you mean “Ed Yardeni”? [unresolved-link]',
      'a.md:1:24 error No note or file named “Nothing Like It” [unresolved-link]',
    ]);
    expect(result.problems[0]?.suggestion).toBe('[[Ed Yardeni]]');
    expect(result.problems[0]?.target).toBe('Ed Yardeny');
  });

  it('unresolved-heading, with normalised matching and nested chains', async () => {
    const target = '# NVIDIA\n\n## Drivers: AI demand\n\n### Risks\n\n## Valuation\n';
    const result = await checkFiles({
      'a.md': '[[NVIDIA#drivers ai demand]] [[NVIDIA#Drivers AI demand#Risks]] [[NVIDIA#Valuation#Risks]] [[NVIDIA#Driver]]',
      'NVIDIA.md': target,
    });
    expect(lines(result)).toEqual([
      'a.md:1:65 error No heading “Valuation › Risks” in “NVIDIA”; did you mean “Risks”? [unresolved-heading]',
      'a.md:1:92 error No heading “Driver” in “NVIDIA” [unresolved-heading]',
    ]);
  });

  it('[[#Heading]] resolves inside the same note', async () => {
    const result = await checkFiles({ 'a.md': '# A\n\n## Local\n\n[[#Local]] [[#Elsewhere]]\n' });
    expect(lines(result)).toEqual(['a.md:5:12 error No heading “Elsewhere” in “a” [unresolved-heading]']);
  });

  it('unresolved-block against the target’s ^ids', async () => {
    const result = await checkFiles({ 'a.md': '[[B#^keep]] [[B#^gone]]', 'B.md': 'Para ^keep\n\n[[a]]' });
    expect(lines(result)).toEqual(['a.md:1:13 error No block ^gone in “B” [unresolved-block]']);
  });

  it('unresolved-attachment for a missing image', async () => {
    const result = await checkFiles({ 'a.md': '![[missing.png]] ![[there.svg|300]]', 'attachments/there.svg': '<svg/>' });
    expect(lines(result)).toEqual(['a.md:1:1 error No attachment named “missing.png” in the vault [unresolved-attachment]']);
  });

  it('ambiguous-link when two notes tie for the best rank', async () => {
    const result = await checkFiles({ 'a.md': '[[Report]]', 'Desk A/Report.md': '', 'Desk B/Report.md': '' });
    expect(lines(result)).toEqual([
      'a.md:1:1 warning “Report” matches 2 notes equally (Desk A/Report.md, Desk B/Report.md); Obsidian opens Desk A/Report.md. Link with the folder to choose [ambiguous-link]',
    ]);
    expect(result.problems[0]?.suggestion).toBe('[[Desk A/Report]]');
  });

  it('alias-link: a bare link to an alias is unresolved in Obsidian; suggest [[Note|alias]]', async () => {
    const result = await checkFiles({ 'a.md': '[[NVDA]] [[NVIDIA|NVDA]] [[NVDA#Drivers]]', 'NVIDIA.md': '---\naliases: [NVDA]\n---\n## Drivers\n' });
    expect(lines(result)).toEqual([
      'a.md:1:1 warning “NVDA” is an alias of “NVIDIA”, not a note name: Obsidian leaves this link unresolved [alias-link]',
      'a.md:1:26 warning “NVDA” is an alias of “NVIDIA”, not a note name: Obsidian leaves this link unresolved [alias-link]',
    ]);
    expect(result.problems.map((p) => p.suggestion)).toEqual(['[[NVIDIA|NVDA]]', '[[NVIDIA#Drivers|NVDA]]']);
  });

  it('links in table cells and frontmatter are checked at their place', async () => {
    const result = await checkFiles({
      'a.md': '---\nfirm: "[[Goldmn Sachs]]"\n---\n| Stock | Target |\n|---|---|\n| [[NVDIA\\|Nvidia]] | +39% |\n',
      'Firms/Goldman Sachs.md': '[[a]]',
      'NVIDIA.md': '[[a]]',
    });
    expect(lines(result)).toEqual([
      'a.md:2:8 error No note or file named “Goldmn Sachs”; did you mean “Goldman Sachs”? [unresolved-link]',
      'a.md:6:3 error No note or file named “NVDIA”; did you mean “NVIDIA”? [unresolved-link]',
    ]);
    expect(result.problems[1]).toMatchObject({ target: 'NVDIA', suggestion: '[[NVIDIA|Nvidia]]' });
  });
});
