// Frontmatter: gray-matter finds the block (delimiters, BOM, empty blocks); the
// `yaml` package parses it, because it reports errors and node ranges by line.
// Any problem with the block itself (YAML error, duplicate key, unresolved or runaway
// alias, too large) leaves `data` empty and marks the issue `unpublished`: Almanac cannot
// tell whether the note said `publish: false`, so the note stays private.
import matter from 'gray-matter';
import { isMap, isPair, isScalar, parseDocument, Scalar, visit, type Document } from 'yaml';
import { conversionReason, failedValueOffset } from '../yaml-culprit.js';
import type { NoteIssue } from './types.js';
import { readSimpleFrontmatter } from './frontmatter-simple.js';

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

export interface FrontmatterOptions {
  /** Largest frontmatter block read, in UTF-16 code units (default MAX_FRONTMATTER_SIZE). */
  maxSize?: number | undefined;
  /** Read plainly simple blocks without the YAML parser (frontmatter-simple.ts; same result). Default true. */
  simple?: boolean | undefined;
}

/** 1 MB: far above any real note's frontmatter, far below what YAML parsing makes slow. */
export const MAX_FRONTMATTER_SIZE = 1_000_000;
/** Aliases expanded per note before YAML counts it as a billion-laughs attack. */
const MAX_ALIAS_COUNT = 100;

const CLOSER = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const OPENER = /^---[ \t]*(?:\r?\n|$)/;

type Place = { line: number; column: number };

export function readFrontmatter(source: string, options: FrontmatterOptions = {}): Frontmatter {
  const empty: Frontmatter = { data: {}, keyLines: {}, strings: [], issues: [], body: source, bodyLine: 1 };
  // Obsidian: frontmatter opens with a line that is exactly `---` (gray-matter would
  // also take `---lang` as a language tag, and `----` as a rule is no frontmatter).
  if (!OPENER.test(source)) return empty;
  if (!CLOSER.test(source.slice(3))) {
    return { ...empty, issues: [blockIssue({ line: 1, column: 1 }, 'Frontmatter opened on line 1 is never closed with `---`')] };
  }
  const maxSize = options.maxSize ?? MAX_FRONTMATTER_SIZE;
  const simple = options.simple === false ? null : readSimpleFrontmatter(source, maxSize);
  if (simple) return simple;
  const parsed: { doc?: Document; text: string; size: number } = { text: '', size: 0 };
  const file = matter(source, {
    engines: {
      yaml: {
        parse: (text: string) => {
          parsed.size = text.length;
          // CRLF notes: YAML would keep the `\r` in `false\r` (a string) and choke on `[a]\r`.
          // logLevel 'error': the yaml package would print warnings ("Keys with collection values
          // will be stringified…") to the console with no file name; Almanac reports with file:line or not at all.
          if (text.length <= maxSize) {
            parsed.text = text.replace(/\r\n?/g, '\n');
            parsed.doc = parseDocument(parsed.text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
          }
          return {};
        },
        stringify: () => '',
      },
    },
  });
  const body = file.content;
  const prefix = source.slice(0, source.length - body.length);
  const bodyLine = countLines(prefix) + 1;
  if (parsed.size > maxSize) {
    return {
      ...empty,
      body,
      bodyLine,
      issues: [
        blockIssue({ line: 1, column: 1 }, `Frontmatter is ${parsed.size.toLocaleString('en')} characters, over the ${maxSize.toLocaleString('en')} read`),
      ],
    };
  }
  const doc = parsed.doc;
  if (!doc) return { ...empty, body, bodyLine };
  const lines = lineStarts(file.matter.replace(/\r\n?/g, '\n'));
  const place = (offset: number): Place => {
    const index = lineIndex(lines, offset);
    // matter starts right after the opening `---`, so matter line i is file line i + 1.
    return { line: index + 1, column: offset - (lines[index] ?? 0) + 1 };
  };
  const fail = (at: Place, message: string): Frontmatter => ({ ...empty, body, bodyLine, issues: [blockIssue(at, message)] });
  // Later YAML errors are usually echoes of the first one: report that one.
  const error = doc.errors[0];
  if (error) return fail(place(error.pos[0]), `Invalid frontmatter YAML: ${firstLine(error.message)}`);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    return fail(place(contents.range?.[0] ?? 0), 'Frontmatter must be a mapping of `key: value` pairs');
  }
  keepPlaceholders(doc, parsed.text);
  const duplicate = firstDuplicateKey(doc, place);
  if (duplicate) return fail(duplicate.at, `Invalid frontmatter YAML: duplicate key \`${duplicate.key}\` (first on line ${duplicate.firstLine})`);
  const converted = toData(doc, place);
  if ('issue' in converted) return fail(converted.at, converted.issue);
  const keyLines: Record<string, number> = {};
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
  return { data: converted.data, keyLines, strings, issues: [], body, bodyLine };
}

function blockIssue(at: Place, message: string): NoteIssue {
  return { rule: 'invalid-frontmatter', ...at, message: `${message}; the note is left out of the site`, unpublished: true };
}

/** A template placeholder as YAML reads it: `{{date}}` is a flow mapping whose key is a mapping. */
const PLACEHOLDER = /^\{\{[^{}\n]*\}\}$/;

/**
 * Template notes hold `created: {{date}}` (Obsidian's Templates and Templater fill it in when
 * the template is used). YAML reads `{{date}}` as a mapping keyed by a mapping; Almanac keeps
 * it as the text written, `"{{date}}"`, as the template's author meant.
 */
function keepPlaceholders(doc: Document, text: string): void {
  visit(doc, {
    Map(_key, node) {
      if (!node.flow || !node.range) return undefined;
      const written = text.slice(node.range[0], node.range[1]).trim();
      if (!PLACEHOLDER.test(written)) return undefined;
      const scalar = new Scalar(written);
      scalar.range = node.range;
      return scalar;
    },
  });
}

/**
 * The first key repeated within one mapping, found in one pass (a Set per mapping):
 * yaml's own `uniqueKeys` compares every pair with every other (100,000 keys: 172 s).
 * Keys are compared as the strings they become in `data`.
 */
function firstDuplicateKey(doc: Document, place: (offset: number) => Place): { key: string; at: Place; firstLine: number } | null {
  let found: { key: string; at: Place; firstLine: number } | null = null;
  visit(doc, {
    Map(_key, node) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first !== undefined) {
          found = { key, at: place(offset), firstLine: place(first).line };
          return visit.BREAK;
        }
        seen.set(key, offset);
      }
      return undefined;
    },
  });
  return found;
}

/** `data` as plain JSON, or the problem that stopped it (unresolved, circular or too many aliases). */
function toData(doc: Document, place: (offset: number) => Place): { data: Record<string, unknown> } | { issue: string; at: Place } {
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { data: isRecord(data) ? toPlain(data) : {} };
  } catch (error) {
    return { issue: `Invalid frontmatter YAML: ${conversionReason(error)}`, at: place(failedValueOffset(doc, MAX_ALIAS_COUNT)) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-safe copy: dates become `YYYY-MM-DD`, other non-JSON values strings. */
function toPlain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Date ? inner.toISOString().slice(0, 10) : inner))) as Record<
    string,
    unknown
  >;
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
