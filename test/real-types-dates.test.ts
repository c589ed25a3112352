// Real vaults: `type: "[[Books]]"` names the type Books (its page is "Books", not "[[Books]]s"
// or "Bookses"); `updated:` holding a template placeholder or nothing is no date and no
// problem, and an Obsidian date-time dates the note by its day.
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { noteDate } from '../src/stale/dates.js';
import { typeLabel } from '../src/publish/model/taxonomy.js';

describe('types written as links', () => {
  it('are the linked name, labelled as written when already plural', () => {
    expect(parseNote('a.md', '---\ntype: "[[Books]]"\n---\nx\n').type).toBe('Books');
    expect(parseNote('a.md', '---\ntype: "[[Media/Films|films]]"\n---\nx\n').type).toBe('Media/Films');
    expect(parseNote('a.md', '---\ntype: company\n---\nx\n').type).toBe('company');
    expect(typeLabel('Books')).toBe('Books');
    expect(typeLabel('box')).toBe('Boxes');
    expect(typeLabel('company')).toBe('Companies');
    expect(typeLabel('reference')).toBe('References');
  });
});

describe('updated dates in real notes', () => {
  const dated = (updated: string) => noteDate(parseNote('n.md', `---\nupdated: ${updated}\n---\nx\n`), null);
  it('read an Obsidian date-time by its day', () => {
    expect(dated('2026-01-14T09:30').date?.date).toBe('2026-01-14');
    expect(dated('2026-01-14 09:30:15').date?.date).toBe('2026-01-14');
    expect(dated('2026-01-14T09:30:00Z').issue).toBeNull();
  });
  it('take a template placeholder or an empty value as no date, without a problem', () => {
    for (const value of ['"{{date}}"', '"{{date:YYYY-MM-DD}}"', '"<% tp.date.now() %>"', '']) {
      const result = dated(value);
      expect(result.date, value).toBeNull();
      expect(result.issue, value).toBeNull();
    }
  });
  it('still report a value that is no date', () => {
    expect(dated('last week').issue?.message).toContain('must be a date');
    expect(dated('2026-02-30').issue?.message).toContain('must be a date');
  });
});
