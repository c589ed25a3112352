// `check` on the vault's canvases: a file that is not JSON Canvas, a node or edge that breaks
// the spec (`invalid-canvas`), and the links of text and file nodes, worded as a note's are,
// at the line of the node's `text` or `file` in the JSON.
import type { LinkGraph } from '../resolve/index.js';
import { linkProblem, type RawProblem } from '../check/rules.js';
import type { Suggester } from '../check/suggest.js';

export function canvasProblems(graph: LinkGraph, names: Suggester): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const canvas of graph.canvases ?? []) {
    for (const issue of canvas.issues) problems.push({ ...issue, file: canvas.path });
    for (const resolved of graph.outgoing.get(canvas.path) ?? []) {
      const problem = linkProblem(resolved, graph, names);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
