/* global window, document */
// Applies the theme before first paint so a dark-theme user never sees a white flash.
// Keep the storage key in step with THEME_STORAGE_KEY in src/components/theme.ts.
(function () {
  var stored = null;
  try {
    stored = window.localStorage.getItem('wheelhouse.theme');
  } catch {
    // Storage can be blocked (privacy settings); fall back to the system preference.
  }
  var dark =
    stored === 'dark' ||
    (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
