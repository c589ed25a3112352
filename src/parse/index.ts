// parseNote: one note's source in, its plain-data parsed form out.
import { readFrontmatter, type Frontmatter } from './frontmatter.js';
import { contextAround, extractFacts } from './extract.js';
import { parseMarkdown, type ParserChoice } from './processor.js';
import { splitTarget } from './link-target.js';
import type { LinkRef, NoteIssue, ParsedNote, TagRef } from './types.js';
import type { ObsidianLink } from './mdast.js';
import type { Root } from 'mdast';
import { ParseError, placeholderTree } from './nesting.js';
import { FastPathUnsupported } from './fast/to-mdast.js';

export type * from './types.js';
export { parseMarkdown, type ParserChoice } from './processor.js';
export { splitTarget } from './link-target.js';

const BOM = '\uFEFF';

/** Parse one note. `path` is vault-relative with forward slashes. Never throws on bad input. */
export function parseNote(path: string, source: string, parser: ParserChoice = 'auto'): ParsedNote {
  const text = source.startsWith(BOM) ? source.slice(1) : source;
  const frontmatter = readFrontmatter(text);
  // A note nested too deep to parse (or whose parse fails) gets a placeholder tree and a
  // `parse-error` problem; the rest of the vault is read as usual.
  const parseIssues: NoteIssue[] = [];
  const failed = (error: unknown, line: number): ParseError => {
    const known = error instanceof ParseError ? error : new ParseError(`The note could not be parsed (${error instanceof Error ? error.message : String(error)})`, 1);
    const issue = new ParseError(known.message, known.line + line - 1);
    parseIssues.push({ rule: 'parse-error', line: issue.line, column: 1, message: issue.message });
    return issue;
  };
  let tree: Root;
  let facts: ReturnType<typeof extractFacts>;
  try {
    tree = parseMarkdown(frontmatter.body, parser);
    facts = extractFacts(tree, frontmatter.body, frontmatter.bodyLine);
  } catch (error) {
    // `parser: 'fast'` (tests, benchmarks) asks to hear when the fast path cannot read a note.
    if (error instanceof FastPathUnsupported) throw error;
    // The placeholder's line is a file line (the body may start after frontmatter).
    tree = placeholderTree(failed(error, frontmatter.bodyLine));
    facts = extractFacts(tree, '', frontmatter.bodyLine);
  }
  let fieldLinks: LinkRef[];
  try {
    fieldLinks = frontmatterLinks(frontmatter, parser);
  } catch (error) {
    if (error instanceof FastPathUnsupported) throw error;
    fieldLinks = [];
    failed(error, 1);
  }
  const fields = readFields(frontmatter);
  const name = baseName(path);
  return {
    path,
    name,
    title: fields.title ?? name,
    type: fields.type,
    aliases: fields.aliases,
    tags: [...fields.tags, ...facts.tags],
    publish: fields.publish,
    frontmatter: frontmatter.data,
    frontmatterLines: frontmatter.keyLines,
    bodyLine: frontmatter.bodyLine,
    headings: facts.headings,
    blocks: facts.blocks,
    links: [...fieldLinks, ...facts.links],
    suppressions: facts.suppressions,
    feedRegions: facts.feedRegions,
    updatedMarks: facts.updatedMarks,
    issues: [...frontmatter.issues, ...fields.issues, ...parseIssues],
    tree,
  };
}

export function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.toLowerCase().endsWith('.md') ? file.slice(0, -3) : file;
}

interface Fields {
  title: string | null;
  type: string | null;
  aliases: string[];
  tags: TagRef[];
  publish: boolean;
  issues: NoteIssue[];
}

/** Read the frontmatter keys Almanac understands, reporting values of the wrong shape. */
function readFields(frontmatter: Frontmatter): Fields {
  const { data, keyLines } = frontmatter;
  const issues: NoteIssue[] = [];
  const problem = (key: string, message: string): void => {
    issues.push({ rule: 'invalid-frontmatter', line: keyLines[key] ?? 1, column: 1, message });
  };
  const list = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.map(String);
    problem(key, `Frontmatter \`${key}\` must be a list of strings`);
    return [];
  };
  const text = (key: string): string | null => {
    const value = data[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    problem(key, `Frontmatter \`${key}\` must be a string`);
    return null;
  };
  const tagKey = 'tags' in data ? 'tags' : 'tag';
  const tags = list(tagKey).map((tag): TagRef => ({ name: tag.replace(/^#/, ''), source: 'frontmatter', line: keyLines[tagKey] ?? 1, column: 1 }));
  const aliases = list('aliases' in data ? 'aliases' : 'alias');
  const publish = readPublish(frontmatter, issues);
  return { title: text('title'), type: text('type'), aliases, tags, publish, issues };
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
      issues.push({ ...at, message: `Frontmatter \`${key}\` must be true or false (a YAML boolean), not ${describeValue(value)}; the note is left out of the site`, unpublished: true });
    } else if (key !== 'publish') {
      issues.push({ ...at, message: `Frontmatter key \`${key}\` is read as \`publish\`: write it in lower case${value ? '' : '; the note is left out of the site'}`, unpublished: !value });
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

/** Wikilinks in quoted frontmatter strings (`firm: "[[Goldman Sachs]]"`). */
function frontmatterLinks(frontmatter: Frontmatter, parser: ParserChoice): LinkRef[] {
  const links: LinkRef[] = [];
  for (const entry of frontmatter.strings) {
    const tree = parseMarkdown(entry.value, parser);
    const found: ObsidianLink[] = [];
    collect(tree, found);
    for (const link of found) {
      const offset = link.position?.start.offset ?? 0;
      links.push({
        kind: 'frontmatter',
        target: link.value,
        ...splitTarget(link.value),
        display: link.alias,
        line: entry.line,
        column: entry.column + offset,
        context: contextAround(entry.value, offset, (link.position?.end.offset ?? offset) - offset),
        key: entry.key,
      });
    }
  }
  return links;
}

function collect(node: { type: string; children?: unknown[] }, found: ObsidianLink[]): void {
  if (node.type === 'obsidianLink') found.push(node as ObsidianLink);
  if (Array.isArray(node.children)) for (const child of node.children) collect(child as { type: string; children?: unknown[] }, found);
}
