// One graph as SVG. Nodes are links (<a href>), so clicking, middle-clicking and
// keyboard focus work as on any other link. Zoom and pan move one <g> as a whole,
// which stays fast with thousands of nodes; labels live in the same group but keep
// their size on screen through a CSS variable (--graph-k).
import { createLayout } from './graph-layout.js';
import { siteUrl } from './base.js';
import { enableZoom, highlightNeighbours } from './graph-interact.js';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_PX = 11; // label font size on screen; graph.css uses the same

function svgEl(name, attrs = {}) {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

/**
 * @param d3 globalThis.d3 with d3-force (and d3-zoom when `zoomable`), see graph-vendor.js
 * @param container element to draw into (its size is the drawing's size)
 * @param options `{nodes, links, base, current, zoomable, label}`; nodes carry
 *   id, title, url, type, degree; links are `{source, target}` node pairs
 */
export function drawGraph(d3, container, { nodes, links, base, current, zoomable, label }) {
  const { svg, world, byEl } = buildScene(nodes, links, { base, current, zoomable, label });
  // A crowded local graph (a hub's) shows the links between neighbours only around a hovered node.
  const crowded = !zoomable && nodes.length > 20;
  svg.classList.toggle('is-crowded', crowded);
  container.replaceChildren(svg);
  container.classList.add('is-drawn');
  measureLabels(svg, nodes);

  // Layout space → screen: screen = layout × k + t. Dots shrink with the square root
  // of the scale, not the scale: a big graph seen whole stays a field of dots, not
  // specks, and zooming in does not blow them up into discs.
  const view = { k: 1, tx: 0, ty: 0, sizedK: 0, fitK: 1, fitted: true, width: 300, height: 240, sync: null };
  const measure = () => {
    view.width = container.clientWidth || 300;
    view.height = container.clientHeight || 240;
    svg.setAttribute('viewBox', `0 0 ${view.width} ${view.height}`);
  };
  measure();
  // Names go to the current note first, then the best-connected ones, wherever they fit.
  const labelOrder = [...nodes].sort((a, b) =>
    Number(b.id === current) - Number(a.id === current) || b.degree - a.degree || a.title.localeCompare(b.title));
  const render = renderer({ nodes, links, world, svg, view, labelOrder, zoomable });

  // A local graph of a hub would be a hairball if every link pulled: there only the
  // spokes to the current note shape the layout (the other links are still drawn).
  const springs = current && nodes.length > 20
    ? links.filter((l) => l.source.id === current || l.target.id === current)
    : links;
  const layout = createLayout(nodes, springs, {
    ...(zoomable ? { distance: 45, charge: -70 } : { distance: 50, charge: -110 }),
    aspect: view.width / view.height,
  });
  new ResizeObserver(() => { measure(); render({ moved: true, labels: layout.done() }); }).observe(container);
  runLayout(container, layout, nodes.length, render);

  highlightNeighbours(svg, nodes, links, byEl);
  if (zoomable) view.sync = enableZoom(d3, container, svg, view, () => render({ labels: layout.done() }));
}

/** The SVG: links under dots under labels, one element each, not yet placed. */
function buildScene(nodes, links, { base, current, zoomable, label }) {
  const svg = svgEl('svg', { class: 'graph-svg', role: 'group', 'aria-label': label });
  const world = svgEl('g', { class: 'graph-world' });
  const linkLayer = svgEl('g', { class: 'graph-links' });
  const nodeLayer = svgEl('g', { class: 'graph-nodes' });
  // Labels above every dot, so no node hides another's name.
  const labelLayer = svgEl('g', { class: 'graph-labels', 'aria-hidden': 'true' });
  world.append(linkLayer, nodeLayer, labelLayer);
  svg.append(world);

  // Thousands of tab stops would trap keyboard users; the global graph keeps them only when small.
  const focusable = !zoomable || nodes.length <= 200;

  for (const link of links) {
    const spoke = !current || link.source.id === current || link.target.id === current;
    link.el = svgEl('line', { class: spoke ? 'graph-link' : 'graph-link is-secondary' });
    linkLayer.append(link.el);
  }
  // A crowded local graph gets smaller dots.
  const crowd = zoomable ? 1 : nodes.length > 30 ? 0.65 : nodes.length > 15 ? 0.8 : 1;
  const byEl = new Map();
  for (const node of nodes) {
    const isCurrent = node.id === current;
    // On screen, at scale 1.
    node.radius = isCurrent ? Math.min(4 + Math.sqrt(node.degree) * 1.4, 14) + 2 : Math.min(4 + Math.sqrt(node.degree) * 1.4, 14) * crowd;
    node.el = svgEl('a', { href: siteUrl(node.url, base).href, class: 'graph-node', 'data-type': node.type, 'data-id': node.id, 'aria-label': node.title });
    if (isCurrent) { node.el.classList.add('is-current'); node.el.setAttribute('aria-current', 'page'); }
    if (!focusable) node.el.setAttribute('tabindex', '-1');
    node.circle = svgEl('circle');
    node.el.append(node.circle);
    node.label = svgEl('text', { class: isCurrent ? 'graph-label is-current' : 'graph-label', 'text-anchor': 'middle', dy: '1em' });
    node.label.textContent = node.title;
    byEl.set(node.el, node);
    nodeLayer.append(node.el);
    labelLayer.append(node.label);
  }
  return { svg, world, byEl };
}

/** Each label's width on screen, for placeLabels. */
function measureLabels(svg, nodes) {
  svg.style.setProperty('--graph-k', '1');
  svg.classList.add('is-measuring');
  for (const node of nodes) node.labelWidth = node.label.getComputedTextLength() || node.title.length * 6;
  svg.classList.remove('is-measuring');
}

/** Scale and centre the whole graph in the box, with room for the dots and the names under them. */
function fit(view, nodes, zoomable) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x);
    y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
  }
  const { width, height } = view;
  // In screen pixels.
  const padX = 24, padTop = zoomable ? 64 : 22, padBottom = 34; // the global graph's legend sits at the top
  const k = Math.min((width - 2 * padX) / Math.max(x1 - x0, 1), (height - padTop - padBottom) / Math.max(y1 - y0, 1), 1.6);
  view.k = view.fitK = Math.max(k, 0.02);
  view.tx = width / 2 - ((x0 + x1) / 2) * view.k;
  view.ty = padTop + (height - padTop - padBottom) / 2 - ((y0 + y1) / 2) * view.k;
  view.sync?.();
}

/** render({moved, labels}): sizes the dots for the scale, places what moved, then the names. */
function renderer({ nodes, links, world, svg, view, labelOrder, zoomable }) {
  const size = () => {
    view.sizedK = view.k;
    const perPixel = Math.min(1.25, Math.max(0.3, Math.sqrt(view.k))) / view.k;
    for (const n of nodes) {
      n.r = n.radius * perPixel; // in layout units
      n.circle.setAttribute('r', n.r.toFixed(2));
    }
  };
  const place = (moved) => {
    for (const n of nodes) {
      if (moved) {
        n.circle.setAttribute('cx', n.x.toFixed(1));
        n.circle.setAttribute('cy', n.y.toFixed(1));
        n.label.setAttribute('x', n.x.toFixed(1));
      }
      n.label.setAttribute('y', (n.y + n.r).toFixed(1));
    }
    if (!moved) return;
    for (const { el, source, target } of links) {
      el.setAttribute('x1', source.x.toFixed(1));
      el.setAttribute('y1', source.y.toFixed(1));
      el.setAttribute('x2', target.x.toFixed(1));
      el.setAttribute('y2', target.y.toFixed(1));
    }
  };
  return ({ moved = false, labels = true } = {}) => {
    if (view.fitted) fit(view, nodes, zoomable);
    const sized = view.sizedK !== view.k;
    if (sized) size();
    if (moved || sized) place(moved);
    world.setAttribute('transform', `translate(${view.tx.toFixed(1)} ${view.ty.toFixed(1)}) scale(${view.k.toFixed(4)})`);
    svg.style.setProperty('--graph-k', view.k.toFixed(4));
    if (labels) placeLabels(nodes, labelOrder, view, view.width, view.height, zoomable ? 40 : nodes.length > 20 ? 8 : 12);
  };
}

/**
 * Ticks the layout within a time budget per frame until it settles. Redrawing thousands of
 * elements every frame costs more than the layout itself: big graphs settle out of sight
 * and are drawn once.
 */
function runLayout(container, layout, count, render) {
  const animate = count <= 400 && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (!animate) container.classList.add('is-laying-out');
  else render({ moved: true, labels: false });
  const frame = () => {
    const started = performance.now();
    const budget = animate ? 12 : 40;
    do layout.tick(); while (!layout.done() && performance.now() - started < budget);
    if (layout.done()) {
      render({ moved: true });
      container.classList.remove('is-laying-out');
      container.classList.add('is-settled');
      return;
    }
    if (animate) render({ moved: true, labels: false });
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Shows the names that fit on screen without covering a dot or another name: at most
 * `limit` of them, unlimited once zoomed well in. The first three in `order` (the current
 * note, the hubs) only have to miss other names. A grid of screen cells keeps this
 * cheap for thousands of nodes.
 */
function placeLabels(nodes, order, view, width, height, limit) {
  const { k, tx, ty } = view;
  const zoomedIn = k >= view.fitK * 2.5;
  const max = zoomedIn ? Infinity : limit;
  const CELL = 48;
  const grid = new Map();
  const cells = (b, visit) => {
    for (let cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++) {
      for (let cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++) {
        if (visit(`${cx},${cy}`)) return true;
      }
    }
    return false;
  };
  const add = (box) => cells(box, (key) => { (grid.get(key) ?? grid.set(key, []).get(key)).push(box); return false; });
  const blocked = (box, labelsOnly) => cells(box, (key) => (grid.get(key) ?? []).some((o) =>
    o.owner !== box.owner && (!labelsOnly || o.label) && o.x0 < box.x1 && box.x0 < o.x1 && o.y0 < box.y1 && box.y0 < o.y1));

  for (const n of nodes) {
    n.sx = n.x * k + tx;
    n.sy = n.y * k + ty;
    const r = n.r * k;
    n.onScreen = n.sx + r > 0 && n.sx - r < width && n.sy + r > 0 && n.sy - r < height;
    if (n.onScreen) add({ owner: n, x0: n.sx - r, x1: n.sx + r, y0: n.sy - r, y1: n.sy + r });
  }
  let shown = 0;
  let rank = 0;
  for (const n of order) {
    const first = rank++;
    let fits = false;
    if (n.onScreen && shown < max && (zoomedIn || first < limit * 4)) {
      const top = n.sy + n.r * k + 1;
      const box = { owner: n, label: true, x0: n.sx - n.labelWidth / 2 - 2, x1: n.sx + n.labelWidth / 2 + 2, y0: top, y1: top + LABEL_PX + 3 };
      // On a local graph only the current note's name may cover a dot; on the global one the three biggest hubs' too.
      fits = box.x0 >= 0 && box.x1 <= width && box.y1 <= height && !blocked(box, first < (limit > 12 ? 3 : 1));
      if (fits) { add(box); shown++; }
    }
    if (fits !== n.labelled) {
      n.labelled = fits;
      n.label.classList.toggle('is-labelled', fits);
    }
  }
}
