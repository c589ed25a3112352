// Full-text search: mounts Pagefind's UI (written by the build into {base}pagefind/)
// into the header's #search, replacing the no-JavaScript link to the search page.
function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}

function loadStyle(url) {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${url}`));
    // Before our own stylesheet, so almanac.css can restyle Pagefind's UI.
    const ours = document.querySelector('link[rel="stylesheet"][href*="almanac.css"]');
    if (ours) ours.before(link);
    else document.head.append(link);
  });
}

export async function initSearch(base) {
  const mount = document.getElementById('search');
  // A site built without a search index marks it so; its fallback link stays.
  if (!mount || mount.dataset.search === 'off') return;
  const bundle = new URL('pagefind/', base);
  await Promise.all([
    loadStyle(new URL('pagefind-ui.css', bundle).href),
    loadScript(new URL('pagefind-ui.js', bundle).href),
  ]);
  const { PagefindUI } = window;
  if (typeof PagefindUI !== 'function') throw new Error('pagefind-ui.js did not define PagefindUI');

  const fallback = mount.innerHTML;
  mount.replaceChildren();
  let ui;
  try {
    ui = new PagefindUI({
      element: mount,
      bundlePath: bundle.pathname,
      baseUrl: base.pathname,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      excerptLength: 24,
      translations: { placeholder: 'Search notes' },
    });
  } catch (err) {
    mount.innerHTML = fallback;
    throw err;
  }
  mount.classList.add('search--ready');

  // The results drawer floats over the page; close it when focus or clicks leave search.
  const setOpen = (open) => mount.classList.toggle('search--closed', !open);
  mount.addEventListener('focusin', () => setOpen(true));
  document.addEventListener('pointerdown', (event) => {
    if (!mount.contains(event.target)) setOpen(false);
  });
  mount.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      mount.querySelector('input')?.blur();
    }
  });

  // "/" or Ctrl/Cmd+K focuses search, as on most documentation sites.
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !ctrlK) return;
    const input = mount.querySelector('input');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  // The search page (the no-JavaScript link's target) and ?q= links start a search.
  const query = new URL(location.href).searchParams.get('q');
  if (query) ui.triggerSearch(query);
  else if (location.pathname === new URL('search/', base).pathname) mount.querySelector('input')?.focus();
}
