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
  // Labels sit above every circle, so no node hides another's name.
  const labelLayer = svgEl('g', { class: 'graph-labels', 'aria-hidden': 'true' });
  svg.append(linkLayer, nodeLayer, labelLayer);

  // Thousands of tab stops would trap keyboard users; the global graph keeps them only when small.
  const focusable = !zoomable || nodes.length <= 200;
  // A crowded local graph gets smaller dots.
  const shrink = zoomable ? 1 : nodes.length > 30 ? 0.7 : nodes.length > 15 ? 0.85 : 1;

  for (const link of links) {
    const spoke = !current || link.source.id === current || link.target.id === current;
    link.el = svgEl('line', { class: spoke ? 'graph-link' : 'graph-link is-secondary' });
    linkLayer.append(link.el);
  }
  const byEl = new Map();
  for (const node of nodes) {
    const isCurrent = node.id === current;
    node.radius = Math.min(4 + Math.sqrt(node.degree) * 1.4, 14) * (isCurrent ? 1 : shrink) + (isCurrent ? 2 : 0);
    node.el = svgEl('a', { href: siteUrl(node.url, base).href, class: 'graph-node', 'data-type': node.type, 'data-id': node.id, 'aria-label': node.title });
    if (isCurrent) { node.el.classList.add('is-current'); node.el.setAttribute('aria-current', 'page'); }
    if (!focusable) node.el.setAttribute('tabindex', '-1');
    node.circle = svgEl('circle', { r: node.radius.toFixed(1) });
    node.el.append(node.circle);
    node.label = svgEl('text', { class: isCurrent ? 'graph-label is-current' : 'graph-label', 'text-anchor': 'middle' });
    node.label.textContent = node.title;
    byEl.set(node.el, node);
    nodeLayer.append(node.el);
    labelLayer.append(node.label);
  }
  container.replaceChildren(svg);
  container.classList.add('is-drawn');
  for (const node of nodes) node.labelWidth = node.label.getComputedTextLength() || node.title.length * 6;

  // Layout space → screen: screen = layout * k + t. Fitted to the box until the reader zooms or pans.
  const view = { k: 1, tx: 0, ty: 0, fitted: true, fitK: 1 };
  let width = container.clientWidth || 300;
  let height = container.clientHeight || 240;
  const fit = () => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x - n.radius); x1 = Math.max(x1, n.x + n.radius);
      y0 = Math.min(y0, n.y - n.radius); y1 = Math.max(y1, n.y + n.radius + 14);
    }
    const pad = 16;
    const k = Math.min((width - 2 * pad) / Math.max(x1 - x0, 1), (height - 2 * pad) / Math.max(y1 - y0, 1), 1.6);
    view.k = view.fitK = Math.max(k, 0.05);
    view.tx = width / 2 - ((x0 + x1) / 2) * view.k;
    view.ty = height / 2 - ((y0 + y1) / 2) * view.k;
  };

  // Names go to the current note first, then the best-connected ones, wherever they
  // fit without covering another name or dot; the rest show on hover or focus.
  const labelOrder = [...nodes].sort((a, b) =>
    Number(b.id === current) - Number(a.id === current) || b.degree - a.degree || a.title.localeCompare(b.title));
  const placeLabels = () => {
    const zoomedIn = view.k >= view.fitK * 2.5;
    const limit = zoomedIn ? Infinity : zoomable ? 40 : 12;
    const screen = (n) => [n.x * view.k + view.tx, n.y * view.k + view.ty];
    const placed = [];
    let tries = 0;
    for (const n of labelOrder) {
      let fits = placed.length < limit && (zoomedIn || tries++ < limit * 4);
      if (fits) {
        const [x, y] = screen(n);
        const box = { x0: x - n.labelWidth / 2 - 2, x1: x + n.labelWidth / 2 + 2, y0: y + n.radius + 1, y1: y + n.radius + 15 };
        fits = box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= height &&
          !placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1) &&
          !nodes.some((o) => {
            if (o === n) return false;
            const [ox, oy] = screen(o);
            return ox + o.radius > box.x0 && ox - o.radius < box.x1 && oy + o.radius > box.y0 && oy - o.radius < box.y1;
          });
        if (fits) placed.push(box);
      }
      if (fits !== n.labelled) { n.labelled = fits; n.label.classList.toggle('is-labelled', fits); }
    }
  };

  const render = (labels = true) => {
    if (view.fitted) fit();
    const { k, tx, ty } = view;
    for (const n of nodes) {
      const x = n.x * k + tx, y = n.y * k + ty;
      n.circle.setAttribute('cx', x.toFixed(1));
      n.circle.setAttribute('cy', y.toFixed(1));
      // Keep names inside the box (a hovered node's may be near the edge).
      const half = n.labelWidth / 2 + 2;
      n.label.setAttribute('x', Math.min(Math.max(x, half), width - half).toFixed(1));
      n.label.setAttribute('y', (y + n.radius + 11).toFixed(1));
    }
    for (const { el, source, target } of links) {
      el.setAttribute('x1', (source.x * k + tx).toFixed(1));
      el.setAttribute('y1', (source.y * k + ty).toFixed(1));
      el.setAttribute('x2', (target.x * k + tx).toFixed(1));
      el.setAttribute('y2', (target.y * k + ty).toFixed(1));
    }
    if (labels) placeLabels();
  };
  const resize = () => {
    width = container.clientWidth || 300;
    height = container.clientHeight || 240;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    render(simulation.done);
  };

  // A local graph of a hub would be a hairball if every link pulled: there only the
  // spokes to the current note shape the layout (the other links are still drawn).
  const springs = current && nodes.length > 20
    ? links.filter((l) => l.source.id === current || l.target.id === current)
    : links;
  const simulation = new Simulation(nodes, springs, {
    ...(zoomable ? { distance: 45, charge: -70 } : { distance: 50, charge: -110 }),
    aspect: width / height,
  });
  resize();
  new ResizeObserver(resize).observe(container);
  const animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  const frame = () => {
    const started = performance.now();
    do simulation.tick(); while (!simulation.done && performance.now() - started < 12);
    // Names are placed once the dots have settled; while they move they would flicker.
    if (simulation.done) render(true);
    else if (animate) render(false);
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

/** Hovering or focusing a node brings it, its neighbours and their links forward. */
function highlightNeighbours(svg, nodes, links, byEl) {
  const near = new Map(nodes.map((n) => [n, new Set([n])]));
  for (const { source, target } of links) { near.get(source).add(target); near.get(target).add(source); }
  let lit = null;
  const light = (node) => {
    if (node === lit) return;
    lit = node;
    svg.classList.toggle('has-highlight', Boolean(node));
    for (const n of nodes) {
      const isNear = Boolean(node) && near.get(node).has(n);
      n.el.classList.toggle('is-near', isNear);
      n.label.classList.toggle('is-near', isNear);
    }
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
