// Reading a graph: hover or focus lights a node's neighbourhood; the global graph
// also zooms (wheel, pinch, buttons) and pans (drag), by d3-zoom.

/** Hovering or focusing a node brings it, its neighbours and their links forward. */
export function highlightNeighbours(svg, nodes, links, byEl) {
  const near = new Map(nodes.map((n) => [n, new Set([n])]));
  const touching = new Map(nodes.map((n) => [n, []]));
  for (const link of links) {
    near.get(link.source).add(link.target);
    near.get(link.target).add(link.source);
    touching.get(link.source).push(link);
    touching.get(link.target).push(link);
  }
  let lit = [];
  let current = null;
  // Only the elements whose state changes are touched: a hub in a big graph has few neighbours.
  const light = (node) => {
    if (node === current) return;
    current = node;
    for (const el of lit) el.classList.remove('is-near');
    lit = node ? [...[...near.get(node)].flatMap((n) => [n.el, n.label]), ...touching.get(node).map((l) => l.el)] : [];
    for (const el of lit) el.classList.add('is-near');
    svg.classList.toggle('has-highlight', Boolean(node));
  };
  const nodeOf = (target) => (target instanceof Element ? byEl.get(target.closest('a.graph-node')) ?? null : null);
  svg.addEventListener('pointerover', (event) => light(nodeOf(event.target)));
  svg.addEventListener('pointerleave', () => light(null));
  svg.addEventListener('focusin', (event) => light(nodeOf(event.target)));
  svg.addEventListener('focusout', () => light(null));
}

/**
 * Wheel, pinch or buttons zoom about a point; dragging pans (a drag of 5 pixels or more
 * never counts as a click on a node). `view` holds the transform render() draws with;
 * the returned sync() hands d3-zoom a transform render() set itself (fitting the graph).
 */
export function enableZoom(d3, container, svg, view, render) {
  let pending = false;
  let syncing = false;
  const redraw = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  };
  const zoom = d3.zoom()
    .clickDistance(5)
    // e^(−deltaY × 0.002) per wheel step, as before d3 (d3 takes a power of two).
    .wheelDelta((event) => (-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)) / Math.LN2)
    .on('start', (event) => { if (event.sourceEvent?.type === 'mousedown') svg.classList.add('is-panning'); })
    .on('end', () => svg.classList.remove('is-panning'))
    .on('zoom', (event) => {
      if (syncing) return;
      ({ k: view.k, x: view.tx, y: view.ty } = event.transform);
      view.fitted = false;
      redraw();
    });
  const selection = d3.select(svg).call(zoom).on('dblclick.zoom', null);
  const sync = () => {
    syncing = true;
    zoom.scaleExtent([view.fitK * 0.5, view.fitK * 8]);
    zoom.transform(selection, d3.zoomIdentity.translate(view.tx, view.ty).scale(view.k));
    syncing = false;
  };
  container.append(zoomControls(svg, zoom, selection, () => { view.fitted = true; redraw(); }));
  return sync;
}

/** The +, − and fit buttons. */
function zoomControls(svg, zoom, selection, fit) {
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
  button('+', 'Zoom in', () => zoom.scaleBy(selection, 1.5, centre()));
  button('−', 'Zoom out', () => zoom.scaleBy(selection, 1 / 1.5, centre()));
  button('⤢', 'Fit the whole graph', fit);
  return controls;
}
