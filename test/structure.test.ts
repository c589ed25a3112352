// The shape of the code (issue 14), checked with nothing but the sources: no import cycle
// among src/ modules (type-only imports are erased and do not count), no source file over 300
// lines, no folder of src/publish/ holding more than 12 files at its top level. Functions
// over 80 lines are Biome's to catch (`noExcessiveLinesPerFunction` in biome.json).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Static value imports and re-exports of a module, as files under src/ (`import type` left out). */
export function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"](\.[^'"]+)['"]/gms;
  for (const match of source.matchAll(statement)) {
    const clause = match[3] ?? '';
    if (match[2] || typeOnly(clause)) continue;
    found.push(resolve(dirname(file), (match[4] ?? '').replace(/\.js$/, '.ts')));
  }
  for (const match of source.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) found.push(resolve(dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts')));
  return found;
}

/** `{ type A, type B }`: every name imported is a type. */
function typeOnly(clause: string): boolean {
  const names = /^\{([^}]*)\}$/s.exec(clause.trim())?.[1];
  if (names === undefined) return false;
  return names
    .split(',')
    .map((entry) => entry.trim())
    .every((entry) => entry === '' || entry.startsWith('type '));
}

/** Every cycle of the graph, each as the modules on it (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the source tree', () => {
  const files = sourceFiles(SRC);
  const name = (file: string): string => relative(ROOT, file);

  it('has no import cycle', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
    expect(cycles(graph).map((cycle) => cycle.map(name).join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one (the checker itself)', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    expect(importsOf(a, "import { x } from './b.js';\nimport type { Y } from './c.js';\nimport { type Z } from './d.js';\n")).toEqual([b]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([[a, b].sort()]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no source file over 300 lines', () => {
    const long = files.map((file) => ({ file: name(file), lines: readFileSync(file, 'utf8').split('\n').length - 1 })).filter((entry) => entry.lines > 300);
    expect(long).toEqual([]);
  });

  it('keeps at most 12 files at the top level of each folder of src/publish/', () => {
    const folders = [
      join(SRC, 'publish'),
      ...readdirSync(join(SRC, 'publish'))
        .map((entry) => join(SRC, 'publish', entry))
        .filter((path) => statSync(path).isDirectory()),
    ];
    const crowded = folders
      .map((folder) => ({ folder: name(folder), files: readdirSync(folder).filter((entry) => statSync(join(folder, entry)).isFile()).length }))
      .filter((entry) => entry.files > 12);
    expect(crowded).toEqual([]);
  });
});
