// Note graphs: `.local-graph[data-slug]` shows the note and its neighbours, from the data
// inlined in it (a `<script type="application/json">`: the build's LocalGraph, see
// src/publish/pages/graph-data.ts); `.global-graph` the whole vault, from the compact
// graph.json its `data-graph` names. This module loads d3 (only on a page with a graph)
// and the data, and builds the nodes; graph-view.js draws them.
import { drawGraph } from './graph-view.js';
import { loadD3 } from './graph-vendor.js';

/** A node's page, relative to the site base: `{slug}/`, the home page for `''` (pageUrl in urls.ts). */
const pageOf = (slug) => (slug === '' ? './' : `${encodeURI(slug)}/`);

/** `links` as `{source, target}` node pairs, from a flat list of index pairs. */
function pairs(nodes, flat) {
  const links = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const source = nodes[flat[i]];
    const target = nodes[flat[i + 1]];
    if (source && target && source !== target) links.push({ source, target });
  }
  return links;
}

/** The local graph inlined in `container` (`{types, nodes: [[slug, title, type index, degree]], links, total}`), or null when it has none. */
function localData(container) {
  const script = container.querySelector('script[type="application/json"]');
  if (!script) return null;
  const data = JSON.parse(script.textContent);
  const types = data.types ?? [];
  const nodes = (data.nodes ?? []).map(([id, title, type, degree]) =>
    ({ id, title: title ?? id, url: pageOf(id), type: types[type] ?? 'note', degree }));
  if (nodes.length === 0) return null;
  // Every neighbour links to the note (the first node); the data holds only the links between neighbours.
  const spokes = nodes.slice(1).map((target) => ({ source: nodes[0], target }));
  return { nodes, links: [...spokes, ...pairs(nodes, data.links ?? [])], total: data.total ?? nodes.length - 1 };
}

/** graph.json (format 2): `{types, nodes: [[slug, title, type index]], links: [a0, b0, …]}`. */
async function globalData(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const data = await response.json();
  const types = data.types ?? [];
  const nodes = (data.nodes ?? []).map(([id, title, type]) =>
    ({ id, title: title ?? id, url: pageOf(id), type: types[type] ?? 'note', degree: 0 }));
  const links = pairs(nodes, data.links ?? []);
  for (const { source, target } of links) { source.degree++; target.degree++; }
  return { nodes, links };
}

export async function initGraphs(base) {
  const locals = [...document.querySelectorAll('.local-graph[data-slug]')];
  const globals = [...document.querySelectorAll('.global-graph')];
  if (locals.length === 0 && globals.length === 0) return;
  const source = (container) => new URL(container.dataset.graph || 'graph.json', base).href;
  // d3 and the whole graph download together.
  const [d3, ...graphs] = await Promise.all([loadD3({ zoom: globals.length > 0 }), ...globals.map((c) => globalData(source(c)))]);
  for (const container of locals) {
    const graph = localData(container);
    if (!graph) {
      container.classList.add('is-empty');
      continue;
    }
    const [current] = graph.nodes;
    const shown = graph.nodes.length - 1;
    drawGraph(d3, container, {
      nodes: graph.nodes,
      links: graph.links,
      base,
      current: current.id,
      zoomable: false,
      label: `Notes linked with ${current.title}${graph.total > shown ? ` (${shown} of ${graph.total} shown)` : ''}`,
    });
  }
  globals.forEach((container, i) => {
    const { nodes, links } = graphs[i];
    drawGraph(d3, container, { nodes, links, base, current: null, zoomable: true, label: 'Graph of all notes and their links' });
    container.append(legend(nodes));
  });
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
