// d3 for the graphs, fetched only by a page that draws one. The site has no bundler, and
// d3's ES modules import each other by bare names, so each package's own UMD build
// (dist/*.min.js, copied as it ships into vendor/ by the build) is run as a classic
// script: each adds its exports to globalThis.d3. Scripts inserted with async = false
// download together and run in the order they were inserted, dependencies first.
const FORCE = ['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force'];
// Zooming and panning (the global graph only).
const ZOOM = ['d3-color', 'd3-interpolate', 'd3-ease', 'd3-selection', 'd3-transition', 'd3-drag', 'd3-zoom'];

const scripts = new Map(); // package name → Promise that its script has run

function loadScript(name) {
  if (!scripts.has(name)) {
    scripts.set(name, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(`vendor/${name}.min.js`, import.meta.url).href;
      script.async = false;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`${script.src} did not load`)));
      document.head.append(script);
    }));
  }
  return scripts.get(name);
}

/** globalThis.d3 once d3-force (and, with `zoom`, d3-zoom) has loaded. */
export async function loadD3({ zoom = false } = {}) {
  await Promise.all((zoom ? [...FORCE, ...ZOOM] : FORCE).map(loadScript));
  return globalThis.d3;
}
