// parseNote: one note's source in, its plain-data parsed form out.
import { readFrontmatter, type Frontmatter } from './frontmatter.js';
import { readFields } from './fields.js';
import { contextAround, extractFacts } from './extract.js';
import { parseMarkdown, type ParserChoice } from './processor.js';
import { splitTarget } from './link-target.js';
import type { LinkRef, NoteIssue, ParsedNote } from './types.js';
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
    const known =
      error instanceof ParseError ? error : new ParseError(`The note could not be parsed (${error instanceof Error ? error.message : String(error)})`, 1);
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
    anchors: facts.anchors,
    links: [...fieldLinks, ...facts.links],
    suppressions: facts.suppressions,
    feedRegions: facts.feedRegions,
    updatedMarks: facts.updatedMarks,
    tables: facts.tables,
    charts: facts.charts,
    issues: [...frontmatter.issues, ...fields.issues, ...parseIssues],
    tree,
  };
}

export function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.toLowerCase().endsWith('.md') ? file.slice(0, -3) : file;
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
