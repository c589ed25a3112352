// A `#` the source spells as an escape (`\#tag`) or a character reference (`&#35;tag`, as
// refresh writes feed values) is text, as in Obsidian, whose tag index reads the source;
// both tokenizers agree.
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { escapeCell } from '../src/refresh/index.js';

const names = (source: string, parser: 'auto' | 'remark'): string[] => parseNote('n.md', source, parser).tags.map((tag) => tag.name);

describe('escaped #', () => {
  for (const parser of ['auto', 'remark'] as const) {
    it(`is no tag in a paragraph, a heading or a table cell (${parser})`, () => {
      expect(names('a #real, \\#escaped, &#35;reference and #also\n', parser)).toEqual(['real', 'also']);
      expect(names('## Title &#35;not #yes\n', parser)).toEqual(['yes']);
      expect(names('| a | b |\n|---|---|\n| &#35;x | #y |\n', parser)).toEqual(['y']);
      // The same name escaped once and written once: one tag.
      expect(names('\\#dup and *#dup* &amp; more\n', parser)).toEqual(['dup']);
    });
  }

  it('keeps feed values written by refresh from becoming tags', () => {
    const cell = escapeCell('#Secret plan');
    expect(cell).not.toContain('#S');
    expect(names(`| Note |\n|---|\n| ${cell} |\n`, 'auto')).toEqual([]);
  });
});
