// The explorer remembers which folders the reader opened or closed (localStorage, per site),
// and starts closed on a phone, where it follows the note, unless the reader opened it there.
const KEY = 'almanac:explorer';

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? saved : {};
  } catch {
    return {};
  }
}

export function initExplorer(base) {
  const explorer = document.querySelector('.explorer');
  if (!explorer) return;
  const key = `${KEY}:${base.pathname}`;
  const saved = load()[key];
  let state = saved && typeof saved === 'object' ? saved : {};
  const narrow = window.matchMedia('(max-width: 959px)').matches;
  for (const folder of explorer.querySelectorAll('details[data-folder]')) {
    const path = folder.dataset.folder;
    // The box itself: open on a desktop, closed on a phone, unless the reader chose there.
    const remembered = state[path === '' && narrow ? '\0phone' : path];
    if (path === '') folder.open = typeof remembered === 'boolean' ? remembered : !narrow;
    // A folder holding this page stays open, so the reader sees where they are.
    else if (typeof remembered === 'boolean' && !folder.querySelector('[aria-current="page"]')) folder.open = remembered;
    folder.addEventListener('toggle', () => {
      state = { ...state, [path === '' && narrow ? '\0phone' : path]: folder.open };
      try {
        localStorage.setItem(KEY, JSON.stringify({ ...load(), [key]: state }));
      } catch {
        // Storage full or off: the tree still works, it just forgets.
      }
    });
  }
}
