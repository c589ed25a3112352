// Frontmatter that is plainly simple, read without the YAML parser: top-level `key: value`
// lines whose values are plain or quoted one-line scalars, or block lists of such scalars
// (`tags:` then `  - a`) — what Obsidian's property editor writes, and most notes hold. It
// gives exactly what readFrontmatter gives through gray-matter and `yaml` (test/frontmatter-
// simple.test.ts compares both over generated and real vaults), or null for anything else:
// comments, flow collections, nested maps, multi-line scalars, escapes, tabs, CRLF, anchors,
// tags, numbers other than plain decimals, duplicate keys, a block other than `---`…`---`.
// Then the full reader runs. It is ~20x faster, and check spends most of its time on notes.
import type { Frontmatter, FrontmatterString } from './frontmatter.js';

/** One scalar as YAML 1.2 (core schema) resolves it, or null when this reader will not say. */
type Scalar = { value: string | number | boolean | null; quoted: boolean };

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ITEM = /^( *)-(?: +(.*))?$/;
/** Key names YAML would read as something other than that string. */
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
/** Characters that start something other than a plain scalar (or an error) in YAML. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`.~+]/;
/** Control characters (tabs and CRs too), those YAML or JavaScript may read as line breaks or marks, lone surrogates. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/u;
const INT = /^(?:0|[1-9][0-9]{0,14})$/;
const FLOAT = /^(?:0|[1-9][0-9]{0,8})\.[0-9]{1,8}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The frontmatter of `source` (which starts with `---`), or null when the full reader must read it. */
export function readSimpleFrontmatter(source: string, maxSize: number): Frontmatter | null {
  if (!source.startsWith('---\n')) return null;
  // gray-matter: the block runs to the first `\n---`, whatever follows it on that line.
  const close = source.indexOf('\n---', 3);
  if (close === -1) return null;
  const after = close + 4;
  if (after < source.length && source[after] !== '\n') return null;
  const matter = source.slice(3, close);
  if (matter.length > maxSize || matter.length < 2 || UNSAFE.test(matter)) return null;
  const body = source.slice(after < source.length ? after + 1 : after);
  const lines = matter.split('\n');
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  const strings: FrontmatterString[] = [];
  const seen = new Set<string>();
  // Line 0 of the matter is the rest of the opening `---` line (empty); matter line i is file line i + 1.
  let index = 1;
  while (index < lines.length) {
    const line = trimEnd(lines[index] ?? '');
    if (line === '') {
      if ((lines[index] ?? '') !== '') return null;
      index++;
      continue;
    }
    const match = KEY.exec(line);
    if (!match) return null;
    const key = match[1] ?? '';
    if (SPECIAL_KEYS.has(key) || seen.has(key)) return null;
    seen.add(key);
    keyLines[key] = index + 1;
    const text = match[2];
    if (text !== undefined && text !== '') {
      const column = line.length - text.length + 1;
      if (text[0] === '[') {
        const list = readFlowList(text, key, index + 1, column, strings);
        if (!list) return null;
        data[key] = list;
      } else {
        const scalar = readScalar(text);
        if (!scalar) return null;
        data[key] = scalar.value;
        noteString(strings, key, scalar, index + 1, column);
      }
      index++;
      continue;
    }
    // `key:` alone: null, or a block list on the lines that follow.
    index++;
    const items: unknown[] = [];
    let indent = -1;
    while (index < lines.length) {
      const raw = lines[index] ?? '';
      const item = ITEM.exec(trimEnd(raw));
      if (!item) break;
      const depth = (item[1] ?? '').length;
      if (indent === -1) indent = depth;
      else if (depth !== indent) return null;
      const value = item[2];
      if (value === undefined || value === '') items.push(null);
      else {
        const scalar = readScalar(value);
        if (!scalar) return null;
        items.push(scalar.value);
        noteString(strings, key, scalar, index + 1, trimEnd(raw).length - value.length + 1);
      }
      index++;
    }
    data[key] = indent === -1 ? null : items;
  }
  if (seen.size === 0) return null;
  return { data, keyLines, strings, issues: [], body, bodyLine: countLines(source.slice(0, source.length - body.length)) + 1 };
}

/** A value that may hold links, placed as readFrontmatter places it (inside the quotes). */
function noteString(strings: FrontmatterString[], key: string, scalar: Scalar, line: number, column: number): void {
  if (typeof scalar.value !== 'string' || !scalar.value.includes('[[')) return;
  strings.push({ key, value: scalar.value, line, column: column + (scalar.quoted ? 1 : 0) });
}

/** `[a, "b"]` on one line: scalars between commas (no nesting, no empty or trailing item). */
function readFlowList(text: string, key: string, line: number, column: number, strings: FrontmatterString[]): unknown[] | null {
  if (!text.endsWith(']')) return null;
  const inner = text.slice(1, -1);
  if (/[[\]{}]/.test(inner.replace(/"[^"]*"|'[^']*'/g, ''))) return null;
  if (inner.trim() === '') return inner === '' ? [] : null;
  const values: unknown[] = [];
  let start = 0;
  for (const part of splitFlowItems(inner)) {
    const lead = part.length - part.trimStart().length;
    const item = part.trim();
    if (item === '') return null;
    const scalar = readScalar(item, true);
    if (!scalar) return null;
    values.push(scalar.value);
    noteString(strings, key, scalar, line, column + 1 + start + lead);
    start += part.length + 1;
  }
  return values;
}

/** The items of a flow list's inside, split at commas outside quotes (one empty item when a quote is left open). */
function splitFlowItems(inner: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let quote: string | null = null;
  for (let index = 0; index < inner.length; index++) {
    const char = inner[index];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ',') {
      parts.push(inner.slice(from, index));
      from = index + 1;
    }
  }
  parts.push(inner.slice(from));
  return quote === null ? parts : [''];
}

function readScalar(text: string, flow = false): Scalar | null {
  const first = text[0];
  if (first === '"' || first === "'") {
    // One-line quoted scalars without escapes (`\` in double quotes, `''` in single ones).
    if (text.length < 2 || text[text.length - 1] !== first) return null;
    const inner = text.slice(1, -1);
    if (inner.includes(first) || (first === '"' && inner.includes('\\'))) return null;
    return { value: inner, quoted: true };
  }
  if (INDICATOR.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) return null;
  if (flow && /[,[\]{}:#"']/.test(text)) return null;
  if (/^[0-9]/.test(text)) {
    if (INT.test(text) || FLOAT.test(text)) return { value: Number(text), quoted: false };
    // Core-schema numbers are made of these; a value with any other character is a string.
    return DATE.test(text) || /[^0-9a-fA-Fxo.+-]/.test(text) ? { value: text, quoted: false } : null;
  }
  switch (text) {
    case 'null':
    case 'Null':
    case 'NULL':
      return { value: null, quoted: false };
    case 'true':
    case 'True':
    case 'TRUE':
      return { value: true, quoted: false };
    case 'false':
    case 'False':
    case 'FALSE':
      return { value: false, quoted: false };
    default:
      return { value: text, quoted: false };
  }
}

/** Trailing spaces (YAML drops them after a plain scalar or a closing quote); a tab was refused already. */
function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return end === line.length ? line : line.slice(0, end);
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
