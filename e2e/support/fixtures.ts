import { test as base, expect } from '@playwright/test';
import { SandboxAdmin } from './sandboxAdmin.ts';

/** Specs run against the console that globalSetup started; its URL arrives through the environment. */
export const test = base.extend<{ password: string; sandbox: SandboxAdmin }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  baseURL: async ({}, use) => {
    const url = process.env.WHEELHOUSE_E2E_URL;
    if (!url)
      throw new Error('WHEELHOUSE_E2E_URL is not set: run the specs with `npx playwright test`');
    await use(url);
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  password: async ({}, use) => {
    await use(process.env.WHEELHOUSE_E2E_PASSWORD ?? '');
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  sandbox: async ({}, use) => {
    await use(new SandboxAdmin(process.env.WHEELHOUSE_E2E_SANDBOX ?? ''));
  },
});

export { expect };
