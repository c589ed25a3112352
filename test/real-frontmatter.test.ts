// Frontmatter as real vaults write it (issue 13 §1, §2, §6): empty list items, empty values,
// a single string for a list, numbers, nested lists, template placeholders, `type` in a vault
// that declares no types. Fixtures: test/fixtures/real/frontmatter-*.md, type-*.md, template-*.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { loadVault } from '../src/vault/load.js';
import { check } from '../src/check/index.js';
import { defaultConfig } from '../src/config/schema.js';
import { loadConfig, parseConfig } from '../src/config/load.js';
import { buildSiteModel } from '../src/publish/model/site-model.js';
import { resolveLinks } from '../src/resolve/index.js';
import { lines, ROOT, runCli, tempDir, writeVault } from './support/vault.js';

const FIXTURES = join(ROOT, 'test/fixtures/real');
const OWN = /^(frontmatter|type|template)-.*\.md$/;
const fixtureNames = readdirSync(FIXTURES)
  .filter((name) => OWN.test(name))
  .sort();
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const parsed = (name: string) => parseNote(name, fixture(name));
const fixtureVault = (): Record<string, string> => Object.fromEntries(fixtureNames.map((name) => [name, fixture(name)]));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('list fields read as Obsidian reads them', () => {
  it('skips empty `- ` items and empty values, with no problem', () => {
    const items = parsed('frontmatter-empty-items.md');
    expect(items.tags).toEqual([]);
    expect(items.aliases).toEqual(['Second name']);
    expect(items.issues).toEqual([]);
    const empty = parsed('frontmatter-empty-values.md');
    expect({ tags: empty.tags, aliases: empty.aliases, type: empty.type, title: empty.title, issues: empty.issues }).toEqual({
      tags: [],
      aliases: [],
      type: null,
      title: 'frontmatter-empty-values',
      issues: [],
    });
  });

  it('splits a single string: tags at commas and spaces, aliases at commas', () => {
    const note = parsed('frontmatter-single-strings.md');
    expect(note.tags.map((tag) => tag.name)).toEqual(['research', 'markets', 'notes']);
    expect(note.aliases).toEqual(['Paris', 'France']);
    expect(note.issues).toEqual([]);
  });

  it('drops numeric tags (no tag is all digits in Obsidian), keeps numbers as alias text', () => {
    const note = parsed('frontmatter-numbers.md');
    expect(note.tags.map((tag) => tag.name)).toEqual(['y2026']);
    expect(note.aliases).toEqual(['2026', 'true']);
    expect(note.issues).toEqual([]);
  });

  it('flattens nested lists and skips null and empty items', () => {
    const note = parsed('frontmatter-nested.md');
    expect(note.tags.map((tag) => tag.name)).toEqual(['nested', 'deeper', 'flat']);
    expect(note.issues).toEqual([]);
  });

  it('does not split a list item at its commas, and reads `Tags:` as `tags`', () => {
    const note = parseNote('a.md', '---\nTags: [one]\naliases:\n  - Paris, France\n---\n');
    expect(note.aliases).toEqual(['Paris, France']);
    expect(note.tags.map((tag) => tag.name)).toEqual(['one']);
  });

  it('a mapping where a list or a value belongs is a warning at its key, and the note stays public', () => {
    const note = parsed('frontmatter-mapping.md');
    expect(note.aliases).toEqual(['Kept alias']);
    expect(note.tags).toEqual([]);
    expect(note.publish).toBe(true);
    expect(note.issues.map((issue) => `${issue.line} ${issue.severity ?? 'default'} ${issue.message}`)).toEqual([
      '2 warning Frontmatter `tags` is a mapping, not a list; Almanac ignores it',
      '3 warning Frontmatter `aliases` holds a mapping among its items; Almanac ignores that item',
      '6 warning Frontmatter `title` is a mapping, not a single value; Almanac ignores it',
    ]);
  });
});

describe('type', () => {
  it('`type: []` and an empty `type:` are no type; a one-item list is that type', () => {
    expect(parsed('type-empty-list.md').type).toBeNull();
    expect(parsed('frontmatter-empty-values.md').type).toBeNull();
    expect(parsed('type-list.md').type).toBe('Books');
    expect(parsed('type-unknown.md').type).toBe('reference');
  });

  it('a vault with no almanac.yaml, or one without `types:`, gets no type problem and no error at all', async () => {
    // type-list.md links [[Books]] in its `type`, as kepano's vault does: the note is there.
    const dir = writeVault({ ...fixtureVault(), 'Books.md': '' });
    const vault = await loadVault(dir);
    for (const config of [loadConfig({ vault: dir }).config, parseConfig('rules: {orphan-note: off}'), defaultConfig()]) {
      expect(config.types).toBeUndefined();
      const result = check(vault, { config });
      expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(lines(result).filter((line) => line.includes('invalid-frontmatter'))).toEqual([
        'frontmatter-mapping.md:2:1 warning Frontmatter `tags` is a mapping, not a list; Almanac ignores it [invalid-frontmatter]',
        'frontmatter-mapping.md:3:1 warning Frontmatter `aliases` holds a mapping among its items; Almanac ignores that item [invalid-frontmatter]',
        'frontmatter-mapping.md:6:1 warning Frontmatter `title` is a mapping, not a single value; Almanac ignores it [invalid-frontmatter]',
      ]);
    }
  });

  it('a vault whose almanac.yaml declares `types:` gets "Unknown note type" errors, but not for `type: []`', async () => {
    const dir = writeVault(fixtureVault());
    const result = check(await loadVault(dir), { config: parseConfig('types:\n  book: {}\nrules: {orphan-note: off}\n') });
    expect(lines(result).filter((line) => line.includes('Unknown note type'))).toEqual([
      'type-list.md:2:1 error Unknown note type “Books”; expected one of book [invalid-frontmatter]',
      'type-unknown.md:2:1 error Unknown note type “reference”; expected one of book [invalid-frontmatter]',
    ]);
  });

  it('a `rules:` entry still sets the severity of the warnings', async () => {
    const dir = writeVault({ 'frontmatter-mapping.md': fixture('frontmatter-mapping.md') });
    const vault = await loadVault(dir);
    expect(check(vault, { config: parseConfig('rules: {invalid-frontmatter: error, orphan-note: off}') }).problems.map((problem) => problem.severity)).toEqual([
      'error',
      'error',
      'error',
    ]);
    expect(check(vault, { config: parseConfig('rules: {invalid-frontmatter: off, orphan-note: off}') }).problems).toEqual([]);
  });

  it('the sample vault declares its own types in almanac.yaml', () => {
    const { config } = loadConfig({ cwd: ROOT });
    expect(Object.keys(config.types ?? {}).sort()).toEqual(['analyst', 'company', 'concept', 'etf', 'event', 'firm', 'rotation', 'thesis']);
  });
});

describe('every note with such frontmatter is published', () => {
  it('publishes all the fixtures (only unparseable frontmatter or a non-boolean publish keep a note private)', async () => {
    const dir = writeVault(fixtureVault());
    const vault = await loadVault(dir);
    const site = buildSiteModel({ notes: vault.notes, graph: resolveLinks(vault), vaultRoot: dir, base: '/', options: defaultConfig().site });
    expect(site.notes.map((entry) => entry.note.path).sort()).toEqual(fixtureNames);
    expect(site.warnings).toEqual([]);
  });
});

describe('template placeholders and the yaml package’s console warnings', () => {
  it('keeps `{{date}}` as the text written, and prints nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const note = parsed('template-placeholders.md');
    expect(note.frontmatter.created).toBe('{{date}}');
    expect(note.frontmatter.last).toBe('{{date:YYYY-MM-DD}}');
    expect(note.title).toBe('{{title}}');
    // A placeholder is no alias or tag until the template is used.
    expect(note.aliases).toEqual([]);
    expect(note.tags.map((tag) => tag.name)).toEqual(['template']);
    expect(note.issues).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
  });

  it('a key that is a collection (`? [a, b]`) is not printed either', () => {
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    parseNote('a.md', '---\n? [a, b]\n: c\nlast: {x: 1}\n---\n');
    expect(() => parseConfig('? [a, b]\n: c\n')).toThrow(/unknown key/);
    expect(warn).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
  }, 10_000);

  it('`almanac check --vault` on template notes writes nothing to stderr', () => {
    const dir = writeVault({
      'Templates/Book.md': fixture('template-placeholders.md'),
      'Templates/Day.md': '---\ncreated: {{date}}\ndate: {{date}}\n---\n{{title}}\n',
    });
    const run = runCli(['check', '--vault', dir, '--format', 'json'], tempDir());
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { problems: Array<{ rule: string }> };
    expect(result.problems.filter((problem) => problem.rule !== 'orphan-note')).toEqual([]);
    expect(run.status).toBe(0);
  });
});
