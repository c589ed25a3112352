// Run one view of a base: the files its filters (the base's and the view's, both must hold)
// select, sorted by its `sort`, cut at its `limit`, with a cell per `order` column. Only
// `table` views; any other type, or a filter or sort outside the subset, is `unsupported`
// with the reason and the view's line.
import { evaluate, compareValues, fromRaw, formulaValue, truthy, type BaseFile, type EvalContext, type Value } from './evaluate.js';
import { parseExpr, UnsupportedError, type Expr } from './expr.js';
import { propertyKey, type BaseDefinition, type BaseView, type FilterNode } from './parse.js';

/** Rows shown at most, whatever `limit` says (a view of the whole vault stays a page). */
export const MAX_ROWS = 500;

export type Cell = { kind: 'property'; key: string; raw: unknown } | { kind: 'value'; value: Value } | { kind: 'unsupported'; message: string };

export interface Column {
  key: string;
  label: string;
}

export type ViewResult =
  | { kind: 'table'; name: string; columns: Column[]; rows: Array<{ file: BaseFile; cells: Cell[] }>; total: number; notices: string[] }
  | { kind: 'unsupported'; name: string; message: string; line: number };

export interface QueryInput {
  base: BaseDefinition;
  /** The view's name (`![[x.base#Name]]`), or null for the first view. */
  viewName: string | null;
  /** The view itself (a base's page shows each view), instead of looking it up by name. */
  view?: BaseView | undefined;
  files: BaseFile[];
  self: BaseFile;
  resolve: EvalContext['resolve'];
}

type Compiled = { all: Compiled[] } | { any: Compiled[] } | { none: Compiled[] } | { expr: Expr };

function compile(node: FilterNode): Compiled {
  if (typeof node === 'string') return { expr: parseExpr(node) };
  if ('and' in node) return { all: node.and.map(compile) };
  if ('or' in node) return { any: node.or.map(compile) };
  return { none: node.not.map(compile) };
}

function holds(filter: Compiled, context: EvalContext): boolean {
  if ('expr' in filter) return truthy(evaluate(filter.expr, context));
  if ('all' in filter) return filter.all.every((inner) => holds(inner, context));
  if ('any' in filter) return filter.any.some((inner) => holds(inner, context));
  return !filter.none.some((inner) => holds(inner, context));
}

export function pickView(base: BaseDefinition, name: string | null): BaseView | undefined {
  if (name === null) return base.views[0];
  return base.views.find((view) => view.name === name) ?? base.views.find((view) => view.name?.toLowerCase() === name.toLowerCase());
}

export function runView(input: QueryInput): ViewResult {
  const { base } = input;
  const view = input.view ?? pickView(base, input.viewName);
  if (!view) {
    const message = input.viewName === null ? 'the base has no views' : `the base has no view named “${input.viewName}”`;
    return { kind: 'unsupported', name: input.viewName ?? '', message, line: 1 };
  }
  const name = view.name ?? input.viewName ?? '';
  if (view.type !== 'table') return { kind: 'unsupported', name, message: `view type “${view.type}” is not supported (only table views are)`, line: view.line };
  try {
    return table(input, view, name);
  } catch (error) {
    if (!(error instanceof UnsupportedError)) throw error;
    return { kind: 'unsupported', name, message: `filter or sort ${error.message} is not supported`, line: view.line };
  }
}

function table(input: QueryInput, view: BaseView, name: string): ViewResult {
  const { base } = input;
  const formulas = new Map<string, Expr>();
  const broken = new Map<string, string>();
  for (const [key, source] of Object.entries(base.formulas)) {
    try {
      formulas.set(key, parseExpr(source));
    } catch (error) {
      if (!(error instanceof UnsupportedError)) throw error;
      broken.set(key, error.message);
    }
  }
  const filters = [base.filters, view.filters ?? null].flatMap((node) => (node === null ? [] : [compile(node)]));
  const context = (row: BaseFile): EvalContext => ({ row, self: input.self, resolve: input.resolve, formulas });
  const selected = input.files.filter((file) => filters.every((filter) => holds(filter, context(file))));
  const notices: string[] = [];
  const sort = (view.sort ?? []).filter((entry) => {
    const formula = entry.property.startsWith('formula.') ? entry.property.slice(8) : null;
    if (formula !== null && broken.has(formula)) {
      notices.push(`Not sorted by formula.${formula}: ${broken.get(formula)} is not supported.`);
      return false;
    }
    return true;
  });
  const keyOf = (file: BaseFile, property: string): Value => sortValue(context(file), property);
  const keyed = selected.map((file) => ({ file, keys: sort.map((entry) => keyOf(file, entry.property)) }));
  keyed.sort((a, b) => {
    for (let index = 0; index < sort.length; index++) {
      const left = a.keys[index] ?? null;
      const right = b.keys[index] ?? null;
      // Empty values last, whichever the direction.
      if (left === null || right === null) {
        if (left !== right) return left === null ? 1 : -1;
        continue;
      }
      const order = compareValues(left, right) ?? 0;
      if (order !== 0) return sort[index]?.direction?.toUpperCase() === 'DESC' ? -order : order;
    }
    return a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0;
  });
  const limit = Math.min(view.limit ?? MAX_ROWS, MAX_ROWS);
  if (keyed.length > limit && limit === MAX_ROWS) notices.push(`Showing the first ${MAX_ROWS} of ${keyed.length} rows.`);
  const order = view.order && view.order.length > 0 ? view.order : ['file.name'];
  const columns = order.map((key) => ({ key, label: label(base, key) }));
  const rows = keyed.slice(0, limit).map(({ file }) => ({ file, cells: columns.map((column) => cell(context(file), column.key, broken)) }));
  // A column the subset cannot compute stays empty, said once above the table.
  columns.forEach((column, index) => {
    const reasons = new Set(rows.flatMap(({ cells }) => (cells[index]?.kind === 'unsupported' ? [cells[index].message] : [])));
    for (const reason of reasons) notices.push(`Column ${column.label}: ${reason} is not supported.`);
  });
  return { kind: 'table', name, columns, rows, total: selected.length, notices };
}

function sortValue(context: EvalContext, property: string): Value {
  if (property.startsWith('formula.')) return formulaValue(property.slice(8), context, 0);
  if (property.startsWith('file.')) return evaluate({ type: 'member', object: { type: 'name', name: 'file' }, name: property.slice(5) }, context);
  const key = propertyKey(property);
  const found = Object.keys(context.row.frontmatter).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : fromRaw(context.row.frontmatter[found], context.resolve);
}

function cell(context: EvalContext, key: string, broken: Map<string, string>): Cell {
  try {
    if (key.startsWith('formula.')) {
      const formula = key.slice(8);
      const reason = broken.get(formula);
      return reason !== undefined ? { kind: 'unsupported', message: reason } : { kind: 'value', value: formulaValue(formula, context, 0) };
    }
    if (key.startsWith('file.')) return { kind: 'value', value: sortValue(context, key) };
    const name = propertyKey(key);
    const found = Object.keys(context.row.frontmatter).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    return { kind: 'property', key: found ?? name, raw: found === undefined ? null : context.row.frontmatter[found] };
  } catch (error) {
    if (error instanceof UnsupportedError) return { kind: 'unsupported', message: error.message };
    throw error;
  }
}

function label(base: BaseDefinition, key: string): string {
  const shown = base.displayNames.get(propertyKey(key));
  if (shown !== undefined) return shown;
  if (key === 'file.name') return 'file name';
  return propertyKey(key).replace(/^formula\./, '');
}
