import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setCsrfToken } from '../api/client.ts';

// jsdom does no layout: every element measures 0×0, so a virtualised table would render no rows.
// Give elements a viewport-sized client box (the virtualiser reads clientWidth/clientHeight).
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1280 },
});
// Tables virtualise against the window, whose scrollTo jsdom does not implement (it logs an error).
window.scrollTo = () => undefined;

// Pages are lazy routes: the first render in a file waits for Vite to transform the page's modules,
// which takes seconds when CI runs the node suites on the same two cores. One generous wait for every
// findBy/waitFor instead of a timeout scattered per call; a passing query still returns at once.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  window.localStorage.clear();
});
