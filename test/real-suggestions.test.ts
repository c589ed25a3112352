// Issue 13 §5: suggestions worth taking. Invisible characters do not count in headings or
// names and are dropped from URLs; a suggestion is written in the link's own syntax and only
// made when it is close (check/suggest.ts isClose).
import { describe, expect, it } from 'vitest';
import { checkFiles } from './support/vault.js';
import { editDistance, isClose } from '../src/check/suggest.js';
import { slugifyPath, slugifySegment } from '../src/publish/model/slug.js';
import { normaliseHeading } from '../src/resolve/headings.js';

const ZWSP = '\u200B';

async function suggestions(files: Record<string, string>): Promise<Array<{ target: string | undefined; rule: string; suggestion: string | undefined }>> {
  const result = await checkFiles(files);
  return result.problems.map((problem) => ({ target: problem.target, rule: problem.rule, suggestion: problem.suggestion }));
}

describe('invisible characters', () => {
  it('a heading written `## [​](#installation) Installation` is found by #installation and #Installation', async () => {
    const note = `# Tool\n\n## [${ZWSP}](#installation) Installation\n\nSee [[#Installation]] and [[Tool#installation]].\n`;
    const result = await checkFiles({ 'Tool.md': note });
    expect(result.problems).toEqual([]);
  });

  it('zero-width space, joiners, word joiner, BOM and variation selectors do not count in heading comparison', () => {
    for (const char of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\uFE0F']) expect(normaliseHeading(`${char}Set${char}up`)).toBe('setup');
  });

  it('page URLs do not start with a U+FE0F left from a stripped emoji', () => {
    expect(slugifySegment('\uFE0F Reading list')).toBe('reading-list');
    expect(slugifyPath('Books/\uFE0FNotes\u200B on Kafka.md')).toBe('books/notes-on-kafka');
  });
});

describe('suggestions in the link’s own syntax', () => {
  const vault = {
    'Some note.md': '# Some note\n\n## Setup\n\nText.\n',
    'Sector Rotation.md': '# Sector Rotation\n',
    'ink.md': '# ink\n',
    'Catan.md': '# Catan\n',
  };

  it('a Markdown link gets a Markdown link, percent-encoded as Obsidian writes it', async () => {
    const found = await suggestions({ ...vault, 'A.md': '[YouTube](Some%20noet.md) and [see](Some%20note.md#Setpu) and [here](#Setpu)\n\n## Setup\n' });
    expect(found).toEqual([
      { target: 'Some noet.md', rule: 'unresolved-link', suggestion: '[YouTube](Some%20note.md)' },
      { target: 'Some note.md#Setpu', rule: 'unresolved-heading', suggestion: '[see](Some%20note.md#Setup)' },
      { target: '#Setpu', rule: 'unresolved-heading', suggestion: '[here](#Setup)' },
    ]);
  });

  it('a wikilink gets a wikilink, an embed an embed, display text and subpath kept', async () => {
    const found = await suggestions({ ...vault, 'A.md': '[[Sector Rotaton]], [[Sector Rotaton#Intro|the rotation]], ![[Sector Rotaton]]\n' });
    expect(found.map((entry) => entry.suggestion)).toEqual(['[[Sector Rotation]]', '[[Sector Rotation#Intro|the rotation]]', '![[Sector Rotation]]']);
  });

  it('no suggestion when nothing is close: `[YouTube](placeholder/link)` is not `[[ink|YouTube]]`, Japan is not Catan', async () => {
    const found = await suggestions({ ...vault, 'A.md': '[YouTube](placeholder/link) and [[Japan]]\n' });
    expect(found).toEqual([
      { target: 'placeholder/link', rule: 'unresolved-link', suggestion: undefined },
      { target: 'Japan', rule: 'unresolved-link', suggestion: undefined },
    ]);
  });
});

describe('close', () => {
  it('one edit per three characters (a swap is one) and a shared word of four or more characters', () => {
    expect(editDistance('setpu', 'setup')).toBe(1);
    expect(isClose('Setpu', 'Setup')).toBe(true);
    expect(isClose('Sector Rotaton', 'Sector Rotation')).toBe(true);
    expect(isClose('Japan', 'Catan')).toBe(false);
    expect(isClose('link', 'ink')).toBe(false);
    expect(isClose('Ridley Scott', 'Harrison Ford')).toBe(false);
    expect(isClose('Conference sessions', 'Conference Session Template')).toBe(false);
    expect(isClose(`${ZWSP} Installation`, 'Installation')).toBe(true);
  });
});
