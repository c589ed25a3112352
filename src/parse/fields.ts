// The frontmatter keys Almanac understands (title, type, aliases, tags, publish), read the
// way Obsidian reads them: lenient about the shapes its property editor and hand-written YAML
// leave (an empty `- ` item, `tags:` with nothing, `null`, a single value where a list
// belongs, numbers), strict only about `publish` (see readPublish). A value Almanac cannot use
// at all (a mapping where a list belongs) is a warning at its key, and the note is still published.
import { isTemplatePlaceholder } from './placeholder.js';
import type { Frontmatter } from './frontmatter.js';
import type { NoteIssue, TagRef } from './types.js';

export interface Fields {
  title: string | null;
  type: string | null;
  aliases: string[];
  tags: TagRef[];
  publish: boolean;
  issues: NoteIssue[];
}

/** Lists inside lists (`- - a`) are flattened this deep; deeper items are ignored. */
const MAX_LIST_DEPTH = 16;
/** A single-string `tags:` splits at commas and white space (tags hold neither), `aliases:` at commas. */
const TAG_SEPARATORS = /[,\s]+/;
const ALIAS_SEPARATORS = /,/;
/** Obsidian: a tag needs at least one character that is not a digit (`#2026` is no tag). */
const NUMERIC = /^\d+$/;
/** A template placeholder kept as text by readFrontmatter (`{{title}}`). */

interface Items {
  items: string[];
  /** The value, or one of its items, is a mapping: nothing usable there. */
  mapping: boolean;
}

/** Read the frontmatter keys Almanac understands; only unusable shapes are reported (as warnings). */
export function readFields(frontmatter: Frontmatter): Fields {
  const { data, keyLines } = frontmatter;
  const issues: NoteIssue[] = [];
  const warn = (key: string, message: string): void => {
    issues.push({ rule: 'invalid-frontmatter', line: keyLines[key] ?? 1, column: 1, message, severity: 'warning' });
  };
  const list = (key: string | null, separators: RegExp): string[] => {
    if (key === null) return [];
    const { items, mapping } = listItems(data[key], separators);
    if (mapping) {
      warn(
        key,
        isMapping(data[key])
          ? `Frontmatter \`${key}\` is a mapping, not a list; Almanac ignores it`
          : `Frontmatter \`${key}\` holds a mapping among its items; Almanac ignores that item`,
      );
    }
    // A template's `aliases: [{{title}}]` names no alias until the template is used.
    return items.filter((item) => !isTemplatePlaceholder(item));
  };
  const single = (key: string): string | null => {
    if (!(key in data)) return null;
    const { items, mapping } = listItems(data[key], null);
    if (mapping) warn(key, `Frontmatter \`${key}\` is a mapping, not a single value; Almanac ignores it`);
    return items[0] ?? null;
  };
  const tagKey = findKey(data, 'tags') ?? findKey(data, 'tag');
  const tags = list(tagKey, TAG_SEPARATORS)
    .map((tag) => tag.replace(/^#+/, ''))
    .filter((tag) => tag !== '' && !NUMERIC.test(tag))
    .map((tag): TagRef => ({ name: tag, source: 'frontmatter', line: tagKey === null ? 1 : (keyLines[tagKey] ?? 1), column: 1 }));
  const aliases = list(findKey(data, 'aliases') ?? findKey(data, 'alias'), ALIAS_SEPARATORS);
  const publish = readPublish(frontmatter, issues);
  return { title: single('title'), type: typeName(single('type')), aliases, tags, publish, issues };
}

/** `type: "[[Books]]"` (a link to the note about the type, as kepano's vault writes it) is the type `Books`. */
function typeName(value: string | null): string | null {
  const link = value === null ? null : /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/.exec(value.trim());
  const name = link?.[1]?.trim() ?? value;
  return name === '' ? null : name;
}

/** The key Obsidian reads for `name`: matched regardless of case (`Tags:`), the lower-case one first. */
function findKey(data: Record<string, unknown>, name: string): string | null {
  if (name in data) return name;
  return Object.keys(data).find((key) => key.toLowerCase() === name) ?? null;
}

/**
 * The usable text items of a value: null and empty items are skipped, numbers and booleans
 * become their text, nested lists are flattened, a single string is split at `separators`
 * (not split when null, and never inside a list: `- Paris, France` is one item).
 */
function listItems(value: unknown, separators: RegExp | null): Items {
  const found: Items = { items: [], mapping: false };
  const add = (text: string): void => {
    const item = text.trim();
    if (item !== '') found.items.push(item);
  };
  if (typeof value === 'string') {
    if (separators) for (const part of value.split(separators)) add(part);
    else add(value);
    return found;
  }
  const visit = (item: unknown, depth: number): void => {
    if (item === null || item === undefined) return;
    if (typeof item === 'string') add(item);
    else if (typeof item === 'number' || typeof item === 'boolean') add(String(item));
    else if (Array.isArray(item)) {
      if (depth < MAX_LIST_DEPTH) for (const inner of item as unknown[]) visit(inner, depth + 1);
    } else found.mapping = true;
  };
  visit(value, 0);
  return found;
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether the note may be published. Public only when Almanac can tell for sure: no
 * `publish` key, or `publish: true` as a YAML boolean, in frontmatter that parsed. A key
 * cased otherwise (`Publish:`) counts as `publish` (and is reported): Obsidian Publish reads
 * only `publish`, but a writer of `Publish: false` meant the note to stay private.
 */
function readPublish(frontmatter: Frontmatter, issues: NoteIssue[]): boolean {
  // A block that did not parse may have said `publish: false`: its issue already says the note is left out.
  if (frontmatter.issues.some((issue) => issue.unpublished)) return false;
  const { data, keyLines } = frontmatter;
  let publish = true;
  for (const key of Object.keys(data)) {
    if (key.toLowerCase() !== 'publish') continue;
    const value = data[key];
    const at = { rule: 'invalid-frontmatter' as const, line: keyLines[key] ?? 1, column: 1 };
    if (value !== true) publish = false;
    if (typeof value !== 'boolean') {
      issues.push({
        ...at,
        message: `Frontmatter \`${key}\` must be true or false (a YAML boolean), not ${describeValue(value)}; the note is left out of the site`,
        unpublished: true,
      });
    } else if (key !== 'publish') {
      issues.push({
        ...at,
        message: `Frontmatter key \`${key}\` is read as \`publish\`: write it in lower case${value ? '' : '; the note is left out of the site'}`,
        unpublished: !value,
      });
    }
  }
  return publish;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `a list`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
