// Note graphs: `.local-graph[data-slug]` shows the note and its neighbours,
// `.global-graph` the whole vault. This module loads graph.json and d3 (only on a page
// with a graph) and picks the nodes; graph-view.js draws them.
import { drawGraph } from './graph-view.js';
import { loadD3 } from './graph-vendor.js';

const loaded = new Map(); // graph.json URL → Promise of its index

function loadGraph(url) {
  if (!loaded.has(url)) {
    loaded.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    }).then(indexGraph));
  }
  return loaded.get(url);
}

/** Nodes by id and each undirected link once (graph.json may list both directions). */
function indexGraph(data) {
  const byId = new Map();
  for (const node of data.nodes ?? []) byId.set(node.id, node);
  const edges = new Map();
  const neighbours = new Map([...byId.keys()].map((id) => [id, new Set()]));
  for (const { source, target } of data.links ?? []) {
    if (source === target || !byId.has(source) || !byId.has(target)) continue;
    const key = source < target ? `${source}\n${target}` : `${target}\n${source}`;
    if (!edges.has(key)) edges.set(key, [source, target]);
    neighbours.get(source).add(target);
    neighbours.get(target).add(source);
  }
  return { byId, edges: [...edges.values()], neighbours };
}

/** The subgraph on `ids`, as fresh node objects the layout may write positions onto. */
function subgraph(graph, ids) {
  const nodes = [...ids].map((id) => {
    const { title, url, type } = graph.byId.get(id);
    return { id, title: title ?? id, url, type: type ?? 'note', degree: graph.neighbours.get(id).size };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = graph.edges
    .filter(([s, t]) => ids.has(s) && ids.has(t))
    .map(([s, t]) => ({ source: byId.get(s), target: byId.get(t) }));
  return { nodes, links };
}

export async function initGraphs(base) {
  const locals = document.querySelectorAll('.local-graph[data-slug]');
  const globals = document.querySelectorAll('.global-graph');
  if (locals.length === 0 && globals.length === 0) return;
  const source = (container) => new URL(container.dataset.graph || 'graph.json', base).href;
  // d3 and the graph data download together.
  const [d3] = await Promise.all([loadD3({ zoom: globals.length > 0 }), ...[...locals, ...globals].map((c) => loadGraph(source(c)))]);
  for (const container of locals) {
    const graph = await loadGraph(source(container));
    const slug = container.dataset.slug;
    if (!graph.byId.has(slug)) {
      container.classList.add('is-empty');
      continue;
    }
    drawGraph(d3, container, {
      ...subgraph(graph, new Set([slug, ...graph.neighbours.get(slug)])),
      base,
      current: slug,
      zoomable: false,
      label: `Notes linked with ${graph.byId.get(slug).title}`,
    });
  }
  for (const container of globals) {
    const graph = await loadGraph(source(container));
    const { nodes, links } = subgraph(graph, new Set(graph.byId.keys()));
    drawGraph(d3, container, { nodes, links, base, current: null, zoomable: true, label: 'Graph of all notes and their links' });
    container.append(legend(nodes));
  }
}

const TYPE_NAMES = {
  analyst: 'Analysts', firm: 'Firms', etf: 'ETFs', company: 'Companies', rotation: 'Rotations',
  concept: 'Concepts', thesis: 'Theses', event: 'Events', note: 'Other notes',
};

/** Which colour is which note type. */
function legend(nodes) {
  const counts = new Map();
  for (const n of nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  const list = document.createElement('ul');
  list.className = 'graph-legend';
  list.setAttribute('aria-label', 'Note types');
  for (const [type, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    const item = document.createElement('li');
    item.dataset.type = type;
    item.textContent = `${TYPE_NAMES[type] ?? type} (${count})`;
    list.append(item);
  }
  return list;
}
