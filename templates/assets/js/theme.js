// Light and dark themes. The reader's choice is kept in localStorage; until they
// choose, the system's `prefers-color-scheme` decides (the CSS applies it before this
// module runs, so there is no flash on first visit).
const KEY = 'almanac-theme';
const root = document.documentElement;

function storedTheme() {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null; // storage blocked (privacy mode, file://): fall back to the system
  }
}

function apply(theme, source) {
  root.dataset.theme = theme;
  root.dataset.themeSource = source;
  const button = document.getElementById('theme-toggle');
  if (button) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
    button.title = theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  }
}

export function initTheme() {
  const system = matchMedia('(prefers-color-scheme: dark)');
  const fromSystem = () => (system.matches ? 'dark' : 'light');
  const stored = storedTheme();
  apply(stored ?? fromSystem(), stored ? 'user' : 'system');

  system.addEventListener('change', () => {
    if (!storedTheme()) apply(fromSystem(), 'system');
  });
  // Another tab changed the theme.
  addEventListener('storage', (event) => {
    if (event.key === KEY) {
      const next = storedTheme();
      apply(next ?? fromSystem(), next ? 'user' : 'system');
    }
  });

  const wire = () => {
    const button = document.getElementById('theme-toggle');
    if (!button) return;
    apply(root.dataset.theme === 'dark' ? 'dark' : 'light', root.dataset.themeSource || 'system');
    button.addEventListener('click', () => {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(KEY, next);
      } catch {
        /* not persisted, still applied */
      }
      apply(next, 'user');
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire, { once: true });
  else wire();
}
