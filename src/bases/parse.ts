// A `.base` file (Obsidian Bases, YAML): global `filters`, `formulas`, `properties`
// (display names) and `views`. Validated at the edge with zod; a file that is not valid
// YAML or not this shape is a problem at its line, never a crash.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

export type FilterNode = string | { and: FilterNode[] } | { or: FilterNode[] } | { not: FilterNode[] };

const filterNode: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.union([z.string(), z.number(), z.boolean()]).transform(String),
    z.object({ and: z.array(filterNode) }).strict(),
    z.object({ or: z.array(filterNode) }).strict(),
    z.object({ not: z.array(filterNode) }).strict(),
  ]),
);

// Older bases name the sorted property `column:`.
const sortEntry = z
  .object({ property: z.string().optional(), column: z.string().optional(), direction: z.string().optional() })
  .loose()
  .refine((entry) => entry.property !== undefined || entry.column !== undefined, { message: 'a sort entry needs a property' })
  .transform((entry) => ({ ...entry, property: entry.property ?? entry.column ?? '' }));

const viewSchema = z
  .object({
    type: z.string(),
    name: z.union([z.string(), z.number()]).transform(String).optional(),
    filters: filterNode.optional(),
    order: z.array(z.string()).nullish(),
    sort: z.array(sortEntry).nullish(),
    limit: z.number().int().positive().optional(),
  })
  .loose();

const baseSchema = z
  .object({
    filters: filterNode.nullish(),
    formulas: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).nullish(),
    properties: z
      .record(
        z.string(),
        z
          .object({ displayName: z.union([z.string(), z.number()]).transform(String).optional() })
          .loose()
          .nullable(),
      )
      .nullish(),
    views: z.array(viewSchema).nullish(),
  })
  .loose();

export type BaseView = z.output<typeof viewSchema> & { line: number };

export interface BaseDefinition {
  path: string;
  filters: FilterNode | null;
  formulas: Record<string, string>;
  /** `note.author` and `author` both as `author`; `file.name`, `formula.X` as written. */
  displayNames: Map<string, string>;
  views: BaseView[];
}

export interface BaseProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ParsedBase = { base: BaseDefinition } | { problem: BaseProblem };

/** `note.author` → `author`; `file.name`, `formula.Age` stay. */
export function propertyKey(name: string): string {
  return name.startsWith('note.') ? name.slice(5) : name;
}

export function parseBase(path: string, source: string): ParsedBase {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  // An error at the end of the file is reported on its last line, not the empty one after it.
  const lastLine = Math.max(1, source.trimEnd().split('\n').length);
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : Math.min(counter.linePos(offset).line, lastLine));
  const error = doc.errors[0];
  if (error) return { problem: { file: path, line: lineAt(error.pos[0]), column: 1, message: `The base is not valid YAML: ${error.message.split('\n')[0]}` } };
  const data: unknown = doc.toJS({ maxAliasCount: 50 }) ?? {};
  const parsed = baseSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.filter((key): key is string | number => typeof key !== 'symbol') ?? [];
    // The deepest node of the path that exists (a missing key is reported at its mapping).
    let node: unknown;
    for (let length = where.length; length >= 0 && !node; length--) node = doc.getIn(where.slice(0, length), true);
    const offset = node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? Number(node.range[0]) : undefined;
    const at = where.length > 0 ? ` at ${where.join('.')}` : '';
    return {
      problem: {
        file: path,
        line: lineAt(offset),
        column: 1,
        message: `The base does not have the shape Obsidian Bases reads${at}: ${issue?.message ?? 'invalid'}`,
      },
    };
  }
  const value = parsed.data;
  const displayNames = new Map<string, string>();
  for (const [key, settings] of Object.entries(value.properties ?? {})) {
    if (settings?.displayName !== undefined) displayNames.set(propertyKey(key), settings.displayName);
  }
  const views = (value.views ?? []).map((view, index) => {
    const node = doc.getIn(['views', index], true);
    const offset = node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? Number(node.range[0]) : undefined;
    return { ...view, line: lineAt(offset) };
  });
  return { base: { path, filters: value.filters ?? null, formulas: value.formulas ?? {}, displayNames, views } };
}
