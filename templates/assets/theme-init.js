// Optional: loaded as a classic, render-blocking <script> in <head>, before the
// stylesheet, it applies the reader's stored theme before the first paint. (almanac.js
// applies it too, but as a module it may run after a first light-themed paint.)
(function () {
  try {
    var theme = localStorage.getItem('almanac-theme');
    if (theme === 'dark' || theme === 'light') {
      document.documentElement.setAttribute('data-theme', theme);
      document.documentElement.setAttribute('data-theme-source', 'user');
    }
  } catch (e) {
    /* storage blocked: the system theme applies */
  }
})();
