// Evaluate a Bases expression (expr.ts) for one note. Values are plain data: text, numbers,
// booleans, null, lists, links (a `[[…]]` property value or `link("X")`, resolved to a vault
// path as the vault resolves names) and files (`file`, `this`). What the subset does not
// know throws UnsupportedError: the view is then shown as not supported, never half-right.
import { UnsupportedError, type Expr } from './expr.js';

/** A note (or the base file itself, as `this` on its own page) as expressions see it. */
export interface BaseFile {
  /** Vault path: `Books/Dune.md`. */
  path: string;
  frontmatter: Record<string, unknown>;
  /** Tag names without `#`, frontmatter and inline. */
  tags: string[];
  /** Vault paths of the notes and files it links to. */
  links: string[];
}

export type Value =
  | null
  | boolean
  | number
  | string
  | Value[]
  | { kind: 'link'; path: string | null; text: string }
  | { kind: 'file'; file: BaseFile }
  | { kind: 'map'; entries: Record<string, Value> };

export interface EvalContext {
  row: BaseFile;
  /** `this`: the note embedding the base, or the base file on its own page. */
  self: BaseFile;
  /** A link target (`Books`, `People/Ada`) to the vault path it opens, or null. */
  resolve: (target: string) => string | null;
  formulas: ReadonlyMap<string, Expr>;
}

const WIKILINK = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]$/;
const MAX_FORMULA_DEPTH = 8;

export function fileName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** A frontmatter value as a Value: `"[[X]]"` strings are links. */
export function fromRaw(raw: unknown, resolve: EvalContext['resolve']): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    const match = WIKILINK.exec(raw.trim());
    if (!match) return raw;
    const target = (match[1] ?? '').trim();
    return { kind: 'link', path: resolve(target), text: (match[2] ?? target).trim() };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map((item) => fromRaw(item, resolve));
  if (typeof raw === 'object') return { kind: 'map', entries: Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, fromRaw(value, resolve)])) };
  return String(raw);
}

export function property(context: EvalContext, file: BaseFile, key: string): Value {
  if (Object.hasOwn(file.frontmatter, key)) return fromRaw(file.frontmatter[key], context.resolve);
  const lower = key.toLowerCase();
  const found = Object.keys(file.frontmatter).find((candidate) => candidate.toLowerCase() === lower);
  return found === undefined ? null : fromRaw(file.frontmatter[found], context.resolve);
}

export function evaluate(expr: Expr, context: EvalContext, depth = 0): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((item) => evaluate(item, context, depth));
    case 'name':
      return nameValue(expr.name, context);
    case 'member':
      return member(evaluate(expr.object, context, depth), expr.name, context, depth, expr.object);
    case 'index': {
      const object = evaluate(expr.object, context, depth);
      const index = evaluate(expr.index, context, depth);
      if (Array.isArray(object) && typeof index === 'number') return object[index] ?? null;
      throw new UnsupportedError('indexing other than list[number]');
    }
    case 'unary': {
      const operand = evaluate(expr.operand, context, depth);
      if (expr.op === '!') return !truthy(operand);
      if (typeof operand === 'number') return -operand;
      throw new UnsupportedError('“-” on something that is not a number');
    }
    case 'binary':
      return binary(expr, context, depth);
    case 'call':
      return call(expr, context, depth);
  }
}

function nameValue(name: string, context: EvalContext): Value {
  if (name === 'file') return { kind: 'file', file: context.row };
  if (name === 'this') return { kind: 'file', file: context.self };
  if (name === 'note') return { kind: 'map', entries: noteEntries(context, context.row) };
  if (name === 'formula') throw new UnsupportedError('`formula` on its own');
  return property(context, context.row, name);
}

function noteEntries(context: EvalContext, file: BaseFile): Record<string, Value> {
  return Object.fromEntries(Object.keys(file.frontmatter).map((key) => [key, property(context, file, key)]));
}

export function formulaValue(name: string, context: EvalContext, depth: number): Value {
  const formula = context.formulas.get(name);
  if (!formula) throw new UnsupportedError(`formula.${name} (not defined)`);
  if (depth >= MAX_FORMULA_DEPTH) throw new UnsupportedError(`formula.${name} refers to itself`);
  return evaluate(formula, context, depth + 1);
}

function member(object: Value, name: string, context: EvalContext, depth: number, source: Expr): Value {
  if (source.type === 'name' && source.name === 'formula') return formulaValue(name, context, depth);
  if (source.type === 'name' && source.name === 'note') return property(context, context.row, name);
  if (object !== null && typeof object === 'object' && !Array.isArray(object)) {
    if (object.kind === 'file') return fileField(object.file, name, context);
    if (object.kind === 'map') return object.entries[name] ?? null;
  }
  if (name === 'length' && (typeof object === 'string' || Array.isArray(object))) return object.length;
  if (object === null) return null;
  throw new UnsupportedError(`the field .${name}`);
}

function fileField(file: BaseFile, name: string, context: EvalContext): Value {
  const slash = file.path.lastIndexOf('/');
  const dot = file.path.lastIndexOf('.');
  switch (name) {
    case 'name':
    case 'basename':
      return fileName(file.path);
    case 'path':
      return file.path;
    case 'folder':
      return slash === -1 ? '/' : file.path.slice(0, slash);
    case 'ext':
      return dot > slash ? file.path.slice(dot + 1) : '';
    case 'tags':
      return [...file.tags];
    case 'links':
      return file.links.map((path) => ({ kind: 'link', path, text: fileName(path) }));
    case 'file':
      return { kind: 'file', file };
    case 'properties':
      return { kind: 'map', entries: noteEntries(context, file) };
    default:
      throw new UnsupportedError(`file.${name}`);
  }
}

export function truthy(value: Value): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Where a link, a file or a path string points, for equality. */
function target(value: Value): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (value.kind === 'file') return value.file.path;
  if (value.kind === 'link') return value.path ?? `\0${value.text.toLowerCase()}`;
  return null;
}

export function equals(a: Value, b: Value): boolean {
  const left = target(a);
  const right = target(b);
  if (left !== null || right !== null) {
    if (left !== null && right !== null) return left === right;
    // A link against text: its name, as Obsidian compares a link with a string.
    const text = typeof a === 'string' ? a : typeof b === 'string' ? b : null;
    const link = left !== null ? a : b;
    return text !== null && typeof link === 'object' && link !== null && !Array.isArray(link) && link.kind === 'link' && link.text === text;
  }
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => equals(item, b[index] ?? null));
  if (typeof a === typeof b) return a === b;
  return a !== null && b !== null && toText(a) === toText(b);
}

export function toText(value: Value): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(toText).join(', ');
  if (typeof value !== 'object') return String(value);
  if (value.kind === 'link') return value.text;
  if (value.kind === 'file') return fileName(value.file.path);
  return JSON.stringify(value.entries);
}

function binary(expr: Extract<Expr, { type: 'binary' }>, context: EvalContext, depth: number): Value {
  const left = evaluate(expr.left, context, depth);
  if (expr.op === '&&') return truthy(left) ? truthy(evaluate(expr.right, context, depth)) : false;
  if (expr.op === '||') return truthy(left) ? true : truthy(evaluate(expr.right, context, depth));
  const right = evaluate(expr.right, context, depth);
  if (expr.op === '==') return equals(left, right);
  if (expr.op === '!=') return !equals(left, right);
  if (expr.op === '+' && (typeof left === 'string' || typeof right === 'string')) return toText(left) + toText(right);
  if (['>', '<', '>=', '<='].includes(expr.op)) {
    const order = compareValues(left, right);
    if (order === null) return false;
    return expr.op === '>' ? order > 0 : expr.op === '<' ? order < 0 : expr.op === '>=' ? order >= 0 : order <= 0;
  }
  if (typeof left !== 'number' || typeof right !== 'number') throw new UnsupportedError(`“${expr.op}” on something that is not a number`);
  if (expr.op === '+') return left + right;
  if (expr.op === '-') return left - right;
  if (expr.op === '*') return left * right;
  return right === 0 ? null : expr.op === '/' ? left / right : left % right;
}

/** Numbers by value, anything else by its text (ISO dates sort as dates); null when either is missing. */
export function compareValues(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  const first = Array.isArray(a) ? (a[0] ?? null) : a;
  const second = Array.isArray(b) ? (b[0] ?? null) : b;
  if (first === null || second === null) return null;
  if (typeof first === 'number' && typeof second === 'number') return first - second;
  if (typeof first === 'boolean' && typeof second === 'boolean') return Number(first) - Number(second);
  return COLLATOR.compare(toText(first), toText(second));
}

/** `localeCompare` with options builds a collator per call; sorting a view of thousands of rows calls it ~n log n times. */
const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function call(expr: Extract<Expr, { type: 'call' }>, context: EvalContext, depth: number): Value {
  const args = (): Value[] => expr.args.map((arg) => evaluate(arg, context, depth));
  const { callee } = expr;
  if (callee.type === 'name') return globalCall(callee.name, args(), expr.args.length, context);
  if (callee.type !== 'member') throw new UnsupportedError('calling something that is not a function');
  const receiver = evaluate(callee.object, context, depth);
  return method(receiver, callee.name, args(), context);
}

function globalCall(name: string, args: Value[], count: number, context: EvalContext): Value {
  if (name === 'list') return args[0] === null || args[0] === undefined ? [] : Array.isArray(args[0]) ? args[0] : [args[0]];
  if (name === 'if') return truthy(args[0] ?? null) ? (args[1] ?? null) : (args[2] ?? null);
  if (name === 'link' && count >= 1) {
    const first = args[0] ?? null;
    if (typeof first === 'string') {
      const name = first.replace(/^\[\[|\]\]$/g, '').split('|')[0] ?? '';
      return { kind: 'link', path: context.resolve(name.trim()), text: String(args[1] ?? name.trim()) };
    }
    if (typeof first === 'object' && first !== null && !Array.isArray(first) && first.kind === 'file')
      return { kind: 'link', path: first.file.path, text: fileName(first.file.path) };
    throw new UnsupportedError('link() of something that is not a name');
  }
  throw new UnsupportedError(`the function ${name}()`);
}

function method(receiver: Value, name: string, args: Value[], context: EvalContext): Value {
  const [first = null] = args;
  if (typeof receiver === 'object' && receiver !== null && !Array.isArray(receiver) && receiver.kind === 'file') {
    const file = receiver.file;
    if (name === 'hasTag') return args.some((tag) => hasTag(file.tags, toText(tag)));
    if (name === 'inFolder') return inFolder(file.path, toText(first));
    if (name === 'hasLink') {
      const wanted = target(typeof first === 'string' ? { kind: 'link', path: context.resolve(first), text: first } : first);
      return wanted !== null && file.links.includes(wanted);
    }
    if (name === 'hasProperty') return Object.keys(file.frontmatter).some((key) => key.toLowerCase() === toText(first).toLowerCase());
  }
  if (name === 'toString') return toText(receiver);
  if (name === 'isEmpty')
    return (
      !truthy(receiver) ||
      (typeof receiver === 'object' && receiver !== null && !Array.isArray(receiver) && receiver.kind === 'map' && Object.keys(receiver.entries).length === 0)
    );
  if (name === 'contains' || name === 'containsAny' || name === 'containsAll') {
    if (receiver === null) return false;
    const hits = args.map((arg) => (Array.isArray(receiver) ? receiver.some((item) => equals(item, arg)) : toText(receiver).includes(toText(arg))));
    return name === 'containsAll' ? hits.every(Boolean) : hits.some(Boolean);
  }
  if (receiver === null) return null;
  if (typeof receiver === 'string') {
    if (name === 'startsWith') return receiver.startsWith(toText(first));
    if (name === 'endsWith') return receiver.endsWith(toText(first));
    if (name === 'lower') return receiver.toLowerCase();
    if (name === 'upper') return receiver.toUpperCase();
    if (name === 'trim') return receiver.trim();
  }
  throw new UnsupportedError(`the method .${name}()`);
}

function hasTag(tags: string[], wanted: string): boolean {
  const tag = wanted.replace(/^#/, '').toLowerCase();
  return tags.some((name) => name.toLowerCase() === tag || name.toLowerCase().startsWith(`${tag}/`));
}

function inFolder(path: string, folder: string): boolean {
  const prefix = folder.replace(/^\/+|\/+$/g, '');
  return prefix === '' || path.toLowerCase().startsWith(`${prefix.toLowerCase()}/`);
}
