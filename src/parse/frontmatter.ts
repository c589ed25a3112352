// Frontmatter: gray-matter finds the block (delimiters, BOM, empty blocks); the
// `yaml` package parses it, because it reports errors and node ranges by line.
import matter from 'gray-matter';
import { isMap, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import type { NoteIssue } from './types.js';

export interface FrontmatterString {
  key: string;
  value: string;
  line: number;
  column: number;
}

export interface Frontmatter {
  data: Record<string, unknown>;
  keyLines: Record<string, number>;
  /** String values that may hold links, with their place in the file. */
  strings: FrontmatterString[];
  issues: NoteIssue[];
  body: string;
  /** 1-based file line where `body` starts. */
  bodyLine: number;
}

const CLOSER = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const OPENER = /^---[ \t]*(?:\r?\n|$)/;

export function readFrontmatter(source: string): Frontmatter {
  const empty: Frontmatter = { data: {}, keyLines: {}, strings: [], issues: [], body: source, bodyLine: 1 };
  // Obsidian: frontmatter opens with a line that is exactly `---` (gray-matter would
  // also take `---lang` as a language tag, and `----` as a rule is no frontmatter).
  if (!OPENER.test(source)) return empty;
  if (!CLOSER.test(source.slice(3))) {
    return { ...empty, issues: [{ rule: 'invalid-frontmatter', line: 1, column: 1, message: 'Frontmatter opened on line 1 is never closed with `---`' }] };
  }
  const parsed: { doc?: Document } = {};
  const file = matter(source, {
    engines: {
      yaml: {
        parse: (text: string) => {
          parsed.doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
          return {};
        },
        stringify: () => '',
      },
    },
  });
  const body = file.content;
  const prefix = source.slice(0, source.length - body.length);
  const bodyLine = countLines(prefix) + 1;
  const doc = parsed.doc;
  if (!doc) return { ...empty, body, bodyLine };
  const lines = lineStarts(file.matter);
  const place = (offset: number): { line: number; column: number } => {
    const index = lineIndex(lines, offset);
    // matter starts right after the opening `---`, so matter line i is file line i + 1.
    return { line: index + 1, column: offset - (lines[index] ?? 0) + 1 };
  };
  // Later YAML errors are usually echoes of the first one: report that one.
  const error = doc.errors[0];
  if (error) {
    const at = place(error.pos[0]);
    return { ...empty, body, bodyLine, issues: [{ rule: 'invalid-frontmatter', ...at, message: `Invalid frontmatter YAML: ${firstLine(error.message)}` }] };
  }
  const issues: NoteIssue[] = [];
  const keyLines: Record<string, number> = {};
  const contents = doc.contents;
  if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    const at = place(contents.range?.[0] ?? 0);
    return { ...empty, body, bodyLine, issues: [{ rule: 'invalid-frontmatter', ...at, message: 'Frontmatter must be a mapping of `key: value` pairs' }] };
  }
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyLines[String(pair.key.value)] = place(pair.key.range[0]).line;
    }
  }
  const strings: FrontmatterString[] = [];
  visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'string' || !node.value.includes('[[') || !node.range) return;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const top = path.find(isPair);
      const key = top && isScalar(top.key) ? String(top.key.value) : '';
      strings.push({ key, value: node.value, ...place(node.range[0] + (quoted ? 1 : 0)) });
    },
  });
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  return {
    data: isRecord(data) ? toPlain(data) : {},
    keyLines,
    strings,
    issues,
    body,
    bodyLine,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-safe copy: dates become `YYYY-MM-DD`, other non-JSON values strings. */
function toPlain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Date ? inner.toISOString().slice(0, 10) : inner))) as Record<string, unknown>;
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineIndex(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
