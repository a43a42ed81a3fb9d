import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setCsrfToken } from '../api/client.ts';

// jsdom does no layout: every element measures 0×0, so a virtualised table would render no rows.
// Give elements a viewport-sized client box (the virtualiser reads clientWidth/clientHeight).
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1280 },
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  window.localStorage.clear();
});
