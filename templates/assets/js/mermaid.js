// Mermaid diagrams. base.njk includes this only on pages that have one: a
// <pre class="mermaid"> holding the diagram's source, which is what the reader sees without
// JavaScript or when the diagram is invalid. The Mermaid library (vendor/mermaid.min.js,
// copied from the site's own npm package by the build) is fetched when the first diagram
// comes near the viewport, draws with securityLevel 'strict' in the site's theme, and draws
// again when the theme changes.
const root = document.documentElement;
const blocks = [...document.querySelectorAll('pre.mermaid')];
const drawn = new Set();
let library = null;
let queue = Promise.resolve();
let counter = 0;

function loadMermaid() {
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('vendor/mermaid.min.js', import.meta.url).href;
    script.addEventListener('load', () => (globalThis.mermaid ? resolve(globalThis.mermaid) : reject(new Error('Mermaid did not load'))));
    script.addEventListener('error', () => reject(new Error(`${script.src} did not load`)));
    document.head.append(script);
  });
  return library;
}

function mermaidTheme() {
  return root.dataset.theme === 'dark' ? 'dark' : 'default';
}

/** The element the diagram goes in, right after its source. */
function diagramOf(pre) {
  const next = pre.nextElementSibling;
  if (next?.classList.contains('mermaid-diagram')) return next;
  const figure = document.createElement('div');
  figure.className = 'mermaid-diagram';
  figure.setAttribute('role', 'img');
  pre.after(figure);
  return figure;
}

async function draw(pre, mermaid) {
  const id = `almanac-mermaid-${++counter}`;
  try {
    const { svg } = await mermaid.render(id, pre.textContent ?? '');
    const figure = diagramOf(pre);
    figure.innerHTML = svg;
    figure.setAttribute('aria-label', 'Diagram');
    pre.hidden = true;
    pre.classList.remove('mermaid-error');
    drawn.add(pre);
  } catch (error) {
    // The source stays, marked; a diagram drawn before (in the other theme) goes.
    pre.hidden = false;
    pre.classList.add('mermaid-error');
    pre.title = `This diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    const next = pre.nextElementSibling;
    if (next?.classList.contains('mermaid-diagram')) next.remove();
    drawn.delete(pre);
  } finally {
    // Mermaid renders off-screen in an element of its own: one a failure left is removed.
    document.getElementById(`d${id}`)?.remove();
  }
}

/** Draw `pres`, one render at a time (Mermaid's renders share state). */
function schedule(pres) {
  queue = queue.then(async () => {
    let mermaid;
    try {
      mermaid = await loadMermaid();
    } catch {
      return; // the sources stay as they are
    }
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: mermaidTheme(), suppressErrorRendering: true });
    for (const pre of pres) await draw(pre, mermaid);
  });
  return queue;
}

if (blocks.length > 0) {
  const near = new IntersectionObserver(
    (entries) => {
      const pres = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
      for (const pre of pres) near.unobserve(pre);
      if (pres.length > 0) schedule(pres);
    },
    { rootMargin: '400px 0px' },
  );
  for (const pre of blocks) near.observe(pre);
  // The reader switched themes: diagrams already drawn are drawn again in the new one.
  let theme = mermaidTheme();
  new MutationObserver(() => {
    if (mermaidTheme() === theme) return;
    theme = mermaidTheme();
    if (drawn.size > 0) schedule([...drawn]);
  }).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
}
