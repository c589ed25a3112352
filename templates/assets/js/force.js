// A small force-directed layout in the manner of d3-force: springs along links,
// many-body repulsion approximated with a Barnes–Hut quadtree (so the global graph of a
// 2,000-note vault stays fast), and a gentle pull to the centre that keeps unlinked
// notes in view. Deterministic: same graph, same picture.

/** Spreads nodes on a sunflower spiral, as d3 does, so the start is stable and untangled. */
function seed(nodes) {
  const angle = Math.PI * (3 - Math.sqrt(5));
  nodes.forEach((node, i) => {
    const radius = 10 * Math.sqrt(0.5 + i);
    node.x = radius * Math.cos(i * angle);
    node.y = radius * Math.sin(i * angle);
    node.vx = 0;
    node.vy = 0;
    node.index = i;
  });
}

function quadtree(nodes) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
  }
  const size = Math.max(x1 - x0, y1 - y0, 1);
  const cell = (x, y, s) => ({ x, y, size: s, mass: 0, sx: 0, sy: 0, bodies: [], kids: null });
  const root = cell(x0, y0, size);
  const insert = (c, n, depth) => {
    c.mass += 1; c.sx += n.x; c.sy += n.y;
    if (c.kids) return insert(child(c, n), n, depth + 1);
    c.bodies.push(n);
    if (c.bodies.length > 1 && depth < 20) {
      const h = c.size / 2;
      c.kids = [cell(c.x, c.y, h), cell(c.x + h, c.y, h), cell(c.x, c.y + h, h), cell(c.x + h, c.y + h, h)];
      for (const b of c.bodies) insert(child(c, b), b, depth + 1);
      c.bodies = [];
    }
  };
  const child = (c, n) => c.kids[(n.x >= c.x + c.size / 2 ? 1 : 0) + (n.y >= c.y + c.size / 2 ? 2 : 0)];
  for (const n of nodes) insert(root, n, 0);
  return root;
}

export class Simulation {
  /**
   * @param nodes objects with an `id`; x, y, vx, vy are written onto them
   * @param links `{source, target}` pairs of node objects
   */
  constructor(nodes, links, { distance = 40, charge = -60, gravity = 0.06, theta = 0.9, aspect = 1 } = {}) {
    this.nodes = nodes;
    this.links = links;
    this.distance = distance;
    this.charge = charge;
    // A wide box gets a wide layout: the pull is weaker across than up and down.
    this.gravityX = gravity / Math.min(Math.max(aspect, 0.5), 2.5);
    this.gravityY = gravity;
    this.theta2 = theta * theta;
    this.alpha = 1;
    this.alphaMin = 0.002;
    this.alphaDecay = 1 - Math.pow(this.alphaMin, 1 / 300);
    this.friction = 0.6; // share of velocity kept per tick (d3: 1 - velocityDecay)
    const degree = new Map();
    for (const { source, target } of links) {
      degree.set(source, (degree.get(source) ?? 0) + 1);
      degree.set(target, (degree.get(target) ?? 0) + 1);
    }
    // A hub's springs are weaker, so it does not drag its whole neighbourhood around.
    this.springs = links.map(({ source, target }) => {
      const ds = degree.get(source), dt = degree.get(target);
      return { source, target, strength: 1 / Math.min(ds, dt), bias: ds / (ds + dt) };
    });
    seed(nodes);
  }

  get done() {
    return this.alpha < this.alphaMin;
  }

  tick() {
    const { nodes, alpha } = this;
    this.alpha += (0 - this.alpha) * this.alphaDecay;

    for (const { source: s, target: t, strength, bias } of this.springs) {
      let dx = t.x + t.vx - s.x - s.vx || 1e-6;
      let dy = t.y + t.vy - s.y - s.vy || 1e-6;
      const l = Math.sqrt(dx * dx + dy * dy);
      const k = ((l - this.distance) / l) * alpha * strength;
      dx *= k; dy *= k;
      t.vx -= dx * bias; t.vy -= dy * bias;
      s.vx += dx * (1 - bias); s.vy += dy * (1 - bias);
    }

    const tree = quadtree(nodes);
    for (const n of nodes) {
      const stack = [tree];
      while (stack.length) {
        const c = stack.pop();
        if (c.mass === 0) continue;
        if (c.kids) {
          const dx = c.sx / c.mass - n.x, dy = c.sy / c.mass - n.y;
          const l = dx * dx + dy * dy;
          if (c.size * c.size / this.theta2 < l) {
            // Far enough: the whole cell acts as one body at its centre of mass.
            const f = (this.charge * c.mass * alpha) / l;
            n.vx += dx * f; n.vy += dy * f;
          } else {
            for (const kid of c.kids) if (kid.mass > 0) stack.push(kid);
          }
          continue;
        }
        for (const b of c.bodies) {
          if (b === n) continue;
          let dx = b.x - n.x, dy = b.y - n.y;
          if (dx === 0 && dy === 0) { dx = (n.index - b.index) * 1e-3 || 1e-3; dy = 1e-3; }
          const l = Math.max(dx * dx + dy * dy, 1);
          const f = (this.charge * alpha) / l;
          n.vx += dx * f; n.vy += dy * f;
        }
      }
    }

    for (const n of nodes) {
      n.vx -= n.x * this.gravityX * alpha;
      n.vy -= n.y * this.gravityY * alpha;
      if (n.fixed) { n.vx = 0; n.vy = 0; continue; }
      n.x += n.vx *= this.friction;
      n.y += n.vy *= this.friction;
    }
  }
}
