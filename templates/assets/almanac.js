// Almanac's reading aids. Plain ES modules, no build step: each feature lives in
// js/ and starts only when its mount point is on the page. Without JavaScript
// every page still reads and navigates; these only add to it.
import { initTheme } from './js/theme.js';
import { siteBase } from './js/base.js';
import { initSearch } from './js/search.js';
import { initPreviews } from './js/preview.js';
import { initGraphs } from './js/graph.js';
import { initToc } from './js/toc.js';
import { initPrint } from './js/print.js';
import { initExplorer } from './js/explorer.js';

// The theme first, so the page is painted in the reader's theme as early as possible.
initTheme();
document.documentElement.classList.add('js');

const base = siteBase();
// Without an icon link the browser asks for /favicon.ico, and that 404 is logged as an error.
if (!document.querySelector('link[rel~="icon"]')) {
  const icon = Object.assign(document.createElement('link'), { rel: 'icon', type: 'image/svg+xml' });
  icon.href = new URL('assets/favicon.svg', base).href;
  document.head.append(icon);
}
// A failing aid must not take the others down with it, nor print an error.
const start = (name, fn) => {
  try {
    const result = fn();
    if (result instanceof Promise) result.catch((err) => console.warn(`almanac: ${name} unavailable:`, err));
  } catch (err) {
    console.warn(`almanac: ${name} unavailable:`, err);
  }
};
start('search', () => initSearch(base));
start('previews', () => initPreviews());
start('graph', () => initGraphs(base));
start('toc', () => initToc());
start('print', () => initPrint());
start('explorer', () => initExplorer(base));
