// graph.json (format 2, src/publish/pages/graph-data.ts) read back into named nodes and links,
// for tests that ask which notes and links the global graph holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphData } from '../../src/publish/index.js';
import { pageUrl } from '../../src/publish/model/urls.js';

export interface GraphNode {
  id: string;
  title: string;
  /** Derived from the slug, as the client does. */
  url: string;
  type: string | null;
}

export interface ReadGraph {
  nodes: GraphNode[];
  /** Each link once, by slug, in the order written (`source` is the lower index). */
  links: Array<{ source: string; target: string }>;
  /** Whether `a` and `b` are linked, either way round. */
  linked: (a: string, b: string) => boolean;
}

export function decodeGraph(data: GraphData, base = '/'): ReadGraph {
  const nodes = data.nodes.map(([id, title, type]) => ({ id, title, url: pageUrl(base, id), type: data.types[type] ?? null }));
  const links: ReadGraph['links'] = [];
  for (let i = 0; i + 1 < data.links.length; i += 2) {
    links.push({ source: nodes[data.links[i] ?? -1]?.id ?? '?', target: nodes[data.links[i + 1] ?? -1]?.id ?? '?' });
  }
  const pairs = new Set(links.flatMap(({ source, target }) => [`${source}\n${target}`, `${target}\n${source}`]));
  return { nodes, links, linked: (a, b) => pairs.has(`${a}\n${b}`) };
}

export function readGraphJson(outDir: string, base = '/'): ReadGraph {
  return decodeGraph(JSON.parse(readFileSync(join(outDir, 'graph.json'), 'utf8')) as GraphData, base);
}
