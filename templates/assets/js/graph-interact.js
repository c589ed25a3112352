// Reading a graph: hover or focus lights a node's neighbourhood; the global graph
// also zooms (wheel, buttons) and pans (drag).

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

/** Wheel or buttons zoom about a point; dragging pans. A drag never counts as a click on a node. */
export function enableZoom(container, svg, view, render) {
  let pending = false;
  const redraw = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  };
  const zoomAt = (factor, x, y) => {
    const k = Math.min(Math.max(view.k * factor, view.fitK * 0.5), view.fitK * 8);
    view.tx = x - (x - view.tx) * (k / view.k);
    view.ty = y - (y - view.ty) * (k / view.k);
    view.k = k;
    view.fitted = false;
    redraw();
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
    redraw();
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
  button('⤢', 'Fit the whole graph', () => { view.fitted = true; redraw(); });
  container.append(controls);
}
