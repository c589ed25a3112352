// The layout, by d3-force (vendor/d3-force.min.js and its three dependencies, loaded by
// graph-vendor.js onto globalThis.d3): springs along links, many-body repulsion by a
// Barnes–Hut quadtree (so the global graph of a 2,000-note vault stays fast), and a
// gentle pull to the centre that keeps unlinked notes in view. d3 seeds the nodes on a
// sunflower spiral and jiggles with a seeded generator: same graph, same picture.
// forceLink's defaults are the ones a hub needs: a link's strength is 1 / the smaller
// degree, and the lighter end moves more, so a hub does not drag its neighbourhood.

/**
 * A simulation run by hand, one tick at a time (graph-view.js spends a time budget per frame).
 * @param nodes objects with an `id`; x, y, vx, vy are written onto them
 * @param links `{source, target}` pairs of node objects
 */
export function createLayout(nodes, links, { distance = 40, charge = -60, gravity = 0.06, aspect = 1 } = {}) {
  const d3 = globalThis.d3;
  const alphaMin = 0.002;
  const simulation = d3.forceSimulation(nodes)
    .alphaMin(alphaMin)
    .alphaDecay(1 - Math.pow(alphaMin, 1 / 300))
    .force('link', d3.forceLink(links).distance(distance))
    .force('charge', d3.forceManyBody().strength(charge).theta(0.9))
    // A wide box gets a wide layout: the pull is weaker across than up and down.
    .force('x', d3.forceX(0).strength(gravity / Math.min(Math.max(aspect, 0.5), 2.5)))
    .force('y', d3.forceY(0).strength(gravity))
    .stop();
  return {
    tick: () => simulation.tick(),
    done: () => simulation.alpha() < alphaMin,
  };
}
