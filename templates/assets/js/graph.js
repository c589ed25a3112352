// Note graphs drawn as SVG: `.local-graph[data-slug]` shows the note and its
// neighbours, `.global-graph` the whole vault (with pan and zoom). Nodes are links,
// so clicking, middle-clicking and keyboard focus all work as on any other link.
import { Simulation } from './force.js';
import { siteUrl } from './base.js';

const SVG = 'http://www.w3.org/2000/svg';
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

function svgEl(name, attrs = {}) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
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

export async function initGraphs(base) {
  const locals = document.querySelectorAll('.local-graph[data-slug]');
  const globals = document.querySelectorAll('.global-graph');
  const source = (container) => new URL(container.dataset.graph || 'graph.json', base).href;
  for (const container of locals) {
    const graph = await loadGraph(source(container));
    const slug = container.dataset.slug;
    if (!graph.byId.has(slug)) {
      container.classList.add('is-empty');
      continue;
    }
    const ids = new Set([slug, ...graph.neighbours.get(slug)]);
    draw(container, graph, ids, { base, current: slug, zoomable: false,
      label: `Notes linked with ${graph.byId.get(slug).title}` });
  }
  for (const container of globals) {
    const graph = await loadGraph(source(container));
    draw(container, graph, new Set(graph.byId.keys()), { base, current: null, zoomable: true,
      label: 'Graph of all notes and their links' });
  }
}

function draw(container, graph, ids, { base, current, zoomable, label }) {
  const nodes = [...ids].map((id) => {
    const { title, url, type } = graph.byId.get(id);
    return { id, title: title ?? id, url, type: type ?? 'note', degree: graph.neighbours.get(id).size };
  });
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const links = graph.edges
    .filter(([s, t]) => ids.has(s) && ids.has(t))
    .map(([s, t]) => ({ source: nodeById.get(s), target: nodeById.get(t) }));

  const svg = svgEl('svg', { class: 'graph-svg', role: 'group', 'aria-label': label });
  const linkLayer = svgEl('g', { class: 'graph-links' });
  const nodeLayer = svgEl('g', { class: 'graph-nodes' });
  svg.append(linkLayer, nodeLayer);

  // Name the best-connected notes; the rest show their name on hover or focus.
  const named = new Set(
    [...nodes].sort((a, b) => b.degree - a.degree).slice(0, zoomable ? 30 : 8).map((n) => n.id),
  );
  if (current) named.add(current);
  svg.dataset.labels = nodes.length <= 14 ? 'all' : 'some';
  // Thousands of tab stops would trap keyboard users; the global graph keeps them only when small.
  const focusable = !zoomable || nodes.length <= 200;

  for (const link of links) {
    link.el = svgEl('line', { class: 'graph-link' });
    linkLayer.append(link.el);
  }
  const byEl = new Map();
  for (const node of nodes) {
    node.radius = Math.min(4 + Math.sqrt(node.degree) * 1.4, 14) + (node.id === current ? 2 : 0);
    const a = svgEl('a', { href: siteUrl(node.url, base).href, class: 'graph-node', 'data-type': node.type, 'data-id': node.id });
    if (node.id === current) { a.classList.add('is-current'); a.setAttribute('aria-current', 'page'); }
    if (named.has(node.id)) a.classList.add('is-named');
    if (!focusable) a.setAttribute('tabindex', '-1');
    node.circle = svgEl('circle', { r: node.radius });
    node.text = svgEl('text', { 'text-anchor': 'middle' });
    node.text.textContent = node.title;
    a.append(node.circle, node.text);
    node.el = a;
    byEl.set(a, node);
    nodeLayer.append(a);
  }
  container.replaceChildren(svg);
  container.classList.add('is-drawn');

  // Layout space → screen: screen = layout * k + t. Fitted to the box until the reader zooms or pans.
  const view = { k: 1, tx: 0, ty: 0, fitted: true, fitK: 1 };
  let width = 0, height = 0;
  const fit = () => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x - n.radius); x1 = Math.max(x1, n.x + n.radius);
      y0 = Math.min(y0, n.y - n.radius); y1 = Math.max(y1, n.y + n.radius + 14);
    }
    const pad = 24;
    const k = Math.min((width - 2 * pad) / Math.max(x1 - x0, 1), (height - 2 * pad) / Math.max(y1 - y0, 1), 1.6);
    view.k = view.fitK = Math.max(k, 0.05);
    view.tx = width / 2 - ((x0 + x1) / 2) * view.k;
    view.ty = height / 2 - ((y0 + y1) / 2) * view.k;
  };
  const render = () => {
    if (view.fitted) fit();
    const { k, tx, ty } = view;
    for (const n of nodes) {
      const x = n.x * k + tx, y = n.y * k + ty;
      n.circle.setAttribute('cx', x.toFixed(1));
      n.circle.setAttribute('cy', y.toFixed(1));
      n.text.setAttribute('x', x.toFixed(1));
      n.text.setAttribute('y', (y + n.radius + 11).toFixed(1));
    }
    for (const { el, source, target } of links) {
      el.setAttribute('x1', (source.x * k + tx).toFixed(1));
      el.setAttribute('y1', (source.y * k + ty).toFixed(1));
      el.setAttribute('x2', (target.x * k + tx).toFixed(1));
      el.setAttribute('y2', (target.y * k + ty).toFixed(1));
    }
    svg.classList.toggle('is-zoomed', k >= view.fitK * 2.5);
  };
  const resize = () => {
    width = container.clientWidth || 300;
    height = container.clientHeight || 240;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    render();
  };

  const simulation = new Simulation(nodes, links, zoomable ? { distance: 45, charge: -70 } : { distance: 55, charge: -120 });
  resize();
  new ResizeObserver(resize).observe(container);
  const animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const frame = () => {
    const started = performance.now();
    do simulation.tick(); while (!simulation.done && performance.now() - started < 12);
    if (animate || simulation.done) render();
    if (!simulation.done) requestAnimationFrame(frame);
    else container.classList.add('is-settled');
  };
  requestAnimationFrame(frame);

  highlightNeighbours(svg, nodes, links, byEl);
  if (zoomable) {
    enableZoom(container, svg, view, render);
    container.append(legend(nodes));
  }
}

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
    item.textContent = `${type} (${count})`;
    list.append(item);
  }
  return list;
}

/** Hovering or focusing a node brings it, its neighbours and their links forward. */
function highlightNeighbours(svg, nodes, links, byEl) {
  const near = new Map(nodes.map((n) => [n, new Set([n])]));
  for (const { source, target } of links) { near.get(source).add(target); near.get(target).add(source); }
  let lit = null;
  const light = (node) => {
    if (node === lit) return;
    lit = node;
    svg.classList.toggle('has-highlight', Boolean(node));
    for (const n of nodes) n.el.classList.toggle('is-near', Boolean(node) && near.get(node).has(n));
    for (const l of links) l.el.classList.toggle('is-near', Boolean(node) && (l.source === node || l.target === node));
  };
  const nodeOf = (target) => (target instanceof Element ? byEl.get(target.closest('a.graph-node')) ?? null : null);
  svg.addEventListener('pointerover', (event) => light(nodeOf(event.target)));
  svg.addEventListener('pointerleave', () => light(null));
  svg.addEventListener('focusin', (event) => light(nodeOf(event.target)));
  svg.addEventListener('focusout', () => light(null));
}

/** Wheel or buttons zoom about a point; dragging pans. A drag never counts as a click on a node. */
function enableZoom(container, svg, view, render) {
  const zoomAt = (factor, x, y) => {
    const k = Math.min(Math.max(view.k * factor, view.fitK * 0.5), view.fitK * 12);
    view.tx = x - (x - view.tx) * (k / view.k);
    view.ty = y - (y - view.ty) * (k / view.k);
    view.k = k;
    view.fitted = false;
    render();
  };
  const point = (event) => {
    const box = svg.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), ...point(event));
  }, { passive: false });

  let drag = null;
  let dragged = false;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, tx: view.tx, ty: view.ty };
    dragged = false;
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 5) return;
    if (!dragged) { dragged = true; svg.setPointerCapture(event.pointerId); svg.classList.add('is-panning'); }
    view.tx = drag.tx + dx;
    view.ty = drag.ty + dy;
    view.fitted = false;
    render();
  });
  const end = () => { drag = null; svg.classList.remove('is-panning'); };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  svg.addEventListener('click', (event) => {
    if (dragged) { event.preventDefault(); event.stopPropagation(); dragged = false; }
  }, true);

  const controls = document.createElement('div');
  controls.className = 'graph-controls';
  const button = (text, title, action) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', action);
    controls.append(b);
  };
  const centre = () => [svg.clientWidth / 2, svg.clientHeight / 2];
  button('+', 'Zoom in', () => zoomAt(1.5, ...centre()));
  button('−', 'Zoom out', () => zoomAt(1 / 1.5, ...centre()));
  button('⤢', 'Fit the whole graph', () => { view.fitted = true; render(); });
  container.append(controls);
}
