// Full-text search in the header: replaces #search's no-JavaScript link to the search page
// with a search box whose results float in a drawer below it. The querying is done by
// search-engine.js over the index the build writes into {base}search-index/ (stemming
// queries with the Porter stemmer the build copies into js/vendor/); this file is only
// the box, the drawer and the keys; search-engine.js and the stemmer are fetched when the
// reader comes to the box, as the index is, so a page view fetches neither.

const PAGE_SIZE = 10;
const DEBOUNCE = 100; // ms after the last keystroke before searching

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const element = (tag, props = {}) => Object.assign(document.createElement(tag), props);

let optionCount = 0;

/** A result: an option of the results listbox. Its links work by pointer; from the keyboard
 * the arrows move through the options (aria-activedescendant) and Enter opens one. */
function resultItem(result) {
  const item = element('li', { className: 'search-result', id: `search-option-${++optionCount}` });
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  item.dataset.url = result.url;
  const title = element('a', { className: 'search-result-link', href: result.url, textContent: result.title, tabIndex: -1 });
  item.append(title);
  if (result.alias) item.append(' ', element('span', { className: 'search-result-alias', textContent: result.alias }));
  if (result.section) {
    item.append(element('a', { className: 'search-result-section', href: result.section.url, textContent: result.section.heading, tabIndex: -1 }));
  }
  if (result.excerpt) {
    const excerpt = element('p', { className: 'search-result-excerpt' });
    // The engine escapes all of the page's text; the only markup is its <mark>s and the
    // faint | and / between a table's cells and rows.
    excerpt.innerHTML = result.excerpt;
    item.append(excerpt);
  }
  return item;
}

const plural = (n) => `${n} result${n === 1 ? '' : 's'}`;

export async function initSearch(base) {
  const mount = document.getElementById('search');
  // A site built without a search index marks it so; its fallback link stays.
  if (!mount || mount.dataset.search === 'off') return;
  const engine = lazyEngine(base);
  const ui = searchBox();

  const fallback = [...mount.childNodes];
  // The All notes page: `{base}search/`, or elsewhere when a note has that URL (the build says where).
  const searchPage = mount.querySelector('.search-link')?.getAttribute('href') ?? new URL('search/', base).pathname;
  mount.replaceChildren(ui.form, ui.announce, ui.drawer);
  mount.classList.add('search--ready', 'search--closed');

  // Only the newest query's answers are shown: `run` counts queries, older ones drop out.
  const state = { latest: 0, found: null, query: null, shown: 0, timer: 0, failed: false };
  state.fail = (err) => {
    if (state.failed) return;
    state.failed = true;
    mount.classList.remove('search--ready', 'search--closed');
    mount.replaceChildren(...fallback);
    console.warn('almanac: search unavailable:', err);
  };
  // The index is fetched when the reader comes to the box, not on every page view.
  const warm = () => engine.preload().catch(state.fail);
  mount.addEventListener('pointerenter', warm, { once: true });
  // The results drawer floats over the page; close it when focus or clicks leave search.
  const setOpen = (open) => {
    mount.classList.toggle('search--closed', !open);
    ui.input.setAttribute('aria-expanded', String(open && !ui.drawer.hidden));
  };

  const run = () => runQuery(engine, ui, state);
  onMore(ui, state);
  ui.input.addEventListener('input', () => {
    setOpen(true);
    clearTimeout(state.timer);
    state.timer = setTimeout(run, DEBOUNCE);
  });
  // Enter opens the chosen result, or the first: after searching for the box's text, if the
  // results shown are for something else (typed faster than the debounce).
  ui.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (state.query !== ui.input.value) await run();
    const chosen = active(ui) ?? ui.list.querySelector('[role="option"]');
    if (chosen?.dataset.url) location.assign(chosen.dataset.url);
  });
  mount.addEventListener('focusin', () => {
    setOpen(true);
    warm();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!mount.contains(event.target)) setOpen(false);
  });
  mount.addEventListener('keydown', (event) => onDrawerKey(event, mount, ui, setOpen));
  onShortcut(ui.input, state);

  // The search page (the no-JavaScript link's target) and ?q= links start a search.
  const query = new URL(location.href).searchParams.get('q');
  if (query) {
    ui.input.value = query;
    setOpen(true);
    await run();
  } else if (location.pathname === new URL(searchPage, location.href).pathname) {
    ui.input.focus();
  }
}

/**
 * The engine, loaded on first use. By import(), not imported by this module: without it
 * search is unavailable (and says so by failing), and the other reading aids still start.
 */
function lazyEngine(base) {
  let loading = null;
  const load = () => {
    loading ??= Promise.all([import('./search-engine.js'), import('./vendor/stemmer.js')]).then(([{ createSearchEngine, words }, { stemmer }]) => {
      const engine = createSearchEngine({ base, fetchJson, stemmer });
      return { words, search: engine.search, preload: engine.preload };
    });
    return loading;
  };
  return { load, preload: () => load().then((engine) => engine.preload()) };
}

/** The box, the drawer of results, and say(), which shows and announces a count. */
function searchBox() {
  const input = element('input', {
    type: 'search',
    className: 'search-input',
    placeholder: 'Search notes',
    autocomplete: 'off',
    spellcheck: false,
  });
  // A combobox over the results listbox (WAI-ARIA APG): focus stays in the box.
  for (const [name, value] of [
    ['aria-label', 'Search notes'],
    ['enterkeyhint', 'go'],
    ['role', 'combobox'],
    ['aria-autocomplete', 'list'],
    ['aria-expanded', 'false'],
    ['aria-controls', 'search-results'],
  ])
    input.setAttribute(name, value);
  const form = element('form', { className: 'search-form' });
  form.setAttribute('role', 'search');
  form.append(input);
  const status = element('p', { className: 'search-status' });
  // Counts are announced from outside the drawer, which is not rendered while closed.
  const announce = element('p', { className: 'search-announce' });
  announce.setAttribute('role', 'status');
  const say = (text) => {
    status.textContent = text;
    announce.textContent = text;
  };
  const list = element('ol', { className: 'search-results', id: 'search-results' });
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  const more = element('button', { type: 'button', className: 'search-more', textContent: 'More results', hidden: true });
  const drawer = element('div', { className: 'search-drawer', hidden: true });
  drawer.append(status, list, more);
  return { input, form, announce, say, list, more, drawer };
}

/** Searches for the box's text and shows the first page of results, unless a newer query came. */
async function runQuery(engine, ui, state) {
  const { input, say, list, more, drawer } = ui;
  clearTimeout(state.timer);
  const query = input.value;
  const id = ++state.latest;
  try {
    const { words, search } = await engine.load();
    if (id !== state.latest) return;
    if (words(query).length === 0) {
      state.found = null;
      state.query = query;
      choose(ui, null);
      list.replaceChildren();
      more.hidden = true;
      drawer.hidden = query.trim() === '';
      input.setAttribute('aria-expanded', String(!drawer.hidden));
      say(drawer.hidden ? '' : `No results for “${query.trim()}”`);
      return;
    }
    const answer = await search(query);
    const results = await answer.results(0, PAGE_SIZE);
    if (id !== state.latest) return;
    state.found = answer;
    state.query = query;
    state.shown = results.length;
    choose(ui, null);
    list.replaceChildren(...results.map(resultItem));
    drawer.scrollTop = 0;
    more.hidden = state.shown >= answer.total;
    say(answer.total === 0 ? `No results for “${query.trim()}”` : `${plural(answer.total)} for “${query.trim()}”`);
    drawer.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  } catch (err) {
    if (id === state.latest) state.fail(err);
  }
}

/** "More results" appends the next page. */
function onMore(ui, state) {
  const { list, more } = ui;
  more.addEventListener('click', async () => {
    const id = state.latest;
    const answer = state.found;
    // One page of results at a time: a second click while one loads would ask for the same.
    if (!answer || more.disabled) return;
    more.disabled = true;
    try {
      const results = await answer.results(state.shown, PAGE_SIZE);
      if (id !== state.latest || answer !== state.found) return;
      const items = results.map(resultItem);
      list.append(...items);
      state.shown += results.length;
      more.hidden = state.shown >= answer.total;
      // Keep the keyboard where the reader was reading: on the first new result.
      if (items[0]) {
        ui.input.focus();
        choose(ui, items[0]);
      }
    } catch (err) {
      state.fail(err);
    } finally {
      more.disabled = false;
    }
  });
}

/** The option the arrows are on, if any. */
function active({ input }) {
  const id = input.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}

/** Puts the arrows' mark on `option` (null: on none), scrolled into view. */
function choose({ input, list }, option) {
  for (const item of list.querySelectorAll('[aria-selected="true"]')) item.setAttribute('aria-selected', 'false');
  if (!option) {
    input.removeAttribute('aria-activedescendant');
    return;
  }
  option.setAttribute('aria-selected', 'true');
  input.setAttribute('aria-activedescendant', option.id);
  option.scrollIntoView({ block: 'nearest' });
}

/** Escape closes the drawer; up and down move through the results, Home and End to the
 * first and last (Enter opens the one chosen: the form's submit). */
function onDrawerKey(event, mount, ui, setOpen) {
  const { input, list, drawer } = ui;
  if (event.key === 'Escape') {
    // Closes without clearing the box (a search input's own Escape would empty it).
    event.preventDefault();
    choose(ui, null);
    setOpen(false);
    if (mount.contains(document.activeElement)) document.activeElement.blur();
    return;
  }
  if (event.target !== input || drawer.hidden || mount.classList.contains('search--closed')) return;
  const options = [...list.querySelectorAll('[role="option"]')];
  if (options.length === 0) return;
  const at = options.indexOf(active(ui));
  let next = null;
  if (event.key === 'ArrowDown') next = options[Math.min(at + 1, options.length - 1)];
  else if (event.key === 'ArrowUp') next = at <= 0 ? null : options[at - 1];
  else if ((event.key === 'Home' || event.key === 'End') && at >= 0) next = options[event.key === 'Home' ? 0 : options.length - 1];
  else return;
  event.preventDefault();
  choose(ui, next);
}

/** "/" or Ctrl/Cmd+K focuses search, as on most documentation sites. */
function onShortcut(input, state) {
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const ctrlK = event.key?.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if ((!slash && !ctrlK) || state.failed) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
