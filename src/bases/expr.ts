// The expression language of Obsidian Bases filters and formulas (the subset Almanac
// evaluates, see README "Bases"): a tokenizer and a recursive-descent parser to a small
// tree. Never `eval`: anything the parser does not know is an UnsupportedError, which the
// view turns into a "not supported" box instead of rows that may be wrong.

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'name'; name: string }
  | { type: 'member'; object: Expr; name: string }
  | { type: 'index'; object: Expr; index: Expr }
  | { type: 'call'; callee: Expr; args: Expr[] }
  | { type: 'unary'; op: '!' | '-'; operand: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'list'; items: Expr[] };

export type BinaryOp = '||' | '&&' | '==' | '!=' | '>' | '<' | '>=' | '<=' | '+' | '-' | '*' | '/' | '%';

/** Syntax or a function Almanac does not evaluate. */
export class UnsupportedError extends Error {}

type Token = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

const OPERATORS = ['&&', '||', '==', '!=', '>=', '<=', '>', '<', '!', '(', ')', '[', ']', '.', ',', '+', '-', '*', '/', '%'];
const MAX_LENGTH = 2000;
const MAX_DEPTH = 40;

export function tokenize(source: string): Token[] {
  if (source.length > MAX_LENGTH) throw new UnsupportedError(`expression over ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === '"' || char === "'") {
      let value = '';
      let end = at + 1;
      while (end < source.length && source.charAt(end) !== char) {
        if (source.charAt(end) === '\\' && end + 1 < source.length) end++;
        value += source.charAt(end);
        end++;
      }
      if (end >= source.length) throw new UnsupportedError(`unclosed string in “${source}”`);
      tokens.push({ kind: 'string', value });
      at = end + 1;
      continue;
    }
    const number = /^\d+(?:\.\d+)?/.exec(source.slice(at));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const name = /^[\p{L}_$][\p{L}\p{N}_$]*/u.exec(source.slice(at));
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      at += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, at));
    if (!op) throw new UnsupportedError(`“${char}” in “${source}”`);
    tokens.push({ kind: 'op', value: op });
    at += op.length;
  }
  return tokens;
}

/** Parse one expression (a filter line or a formula). */
export function parseExpr(source: string): Expr {
  const tokens = tokenize(source);
  let at = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string): boolean => {
    const token = tokens[at];
    return token?.kind === 'op' && token.value === value;
  };
  const expect = (value: string): void => {
    if (!isOp(value)) throw new UnsupportedError(`expected “${value}” in “${source}”`);
    at++;
  };
  const binary = (ops: string[], next: () => Expr): (() => Expr) => {
    return () => {
      let left = next();
      for (let token = peek(); token?.kind === 'op' && ops.includes(token.value); token = peek()) {
        at++;
        left = { type: 'binary', op: token.value as BinaryOp, left, right: next() };
      }
      return left;
    };
  };
  const args = (close: string): Expr[] => {
    const items: Expr[] = [];
    if (isOp(close)) {
      at++;
      return items;
    }
    for (;;) {
      items.push(expression());
      if (isOp(',')) {
        at++;
        continue;
      }
      expect(close);
      return items;
    }
  };
  const primary = (): Expr => {
    const token = peek();
    at++;
    if (!token) throw new UnsupportedError(`“${source}” ends too early`);
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'name') {
      if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
      if (token.value === 'null') return { type: 'literal', value: null };
      return { type: 'name', name: token.value };
    }
    if (token.value === '(') {
      const inner = expression();
      expect(')');
      return inner;
    }
    if (token.value === '[') return { type: 'list', items: args(']') };
    throw new UnsupportedError(`unexpected “${token.value}” in “${source}”`);
  };
  const postfix = (): Expr => {
    let node = primary();
    for (;;) {
      if (isOp('.')) {
        at++;
        const name = peek();
        if (name?.kind !== 'name') throw new UnsupportedError(`expected a name after “.” in “${source}”`);
        at++;
        node = { type: 'member', object: node, name: name.value };
      } else if (isOp('(')) {
        at++;
        node = { type: 'call', callee: node, args: args(')') };
      } else if (isOp('[')) {
        at++;
        const index = expression();
        expect(']');
        node = { type: 'index', object: node, index };
      } else {
        return node;
      }
    }
  };
  const unary = (): Expr => {
    if (isOp('!') || isOp('-')) {
      const op = isOp('!') ? '!' : '-';
      at++;
      return { type: 'unary', op, operand: unary() };
    }
    return postfix();
  };
  const multiplicative = binary(['*', '/', '%'], unary);
  const additive = binary(['+', '-'], multiplicative);
  const comparison = binary(['==', '!=', '>=', '<=', '>', '<'], additive);
  const and = binary(['&&'], comparison);
  const or = binary(['||'], and);
  function expression(): Expr {
    if (++depth > MAX_DEPTH) throw new UnsupportedError(`expression nested over ${MAX_DEPTH} deep`);
    const node = or();
    depth--;
    return node;
  }
  const tree = expression();
  const rest = peek();
  if (rest) throw new UnsupportedError(`unexpected “${String(rest.value)}” in “${source}”`);
  return tree;
}
