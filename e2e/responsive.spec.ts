import type { Page } from '@playwright/test';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const CHECKOUT = '/clusters/123456789012/us-east-1/checkout-prod';

/** True when the page itself never scrolls sideways: the layout fits the window. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function signedIn(page: Page, password: string): Promise<void> {
  // Sign in at desktop width, where the user badge the helper waits for is in the header.
  await page.setViewportSize({ width: 1440, height: 900 });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
}

for (const size of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test(`at ${size.width}x${size.height} no page scrolls sideways and the header's menu reaches Sign out`, async ({
    page,
    password,
  }) => {
    await signedIn(page, password);
    await page.setViewportSize(size);

    await page.goto('/clusters');
    await expect(page.getByRole('table', { name: 'Clusters' })).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
    // The name column stays in view however narrow the window.
    await expect(page.getByRole('link', { name: 'checkout-prod' }).first()).toBeInViewport();

    // Navigation, user and Sign out fold into the menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport();
    await page.getByRole('button', { name: 'Menu' }).click();

    // A cluster page: the active tab is visible even when it is the last one of the row.
    await page.goto(`${CHECKOUT}?tab=resources`);
    const active = page.getByRole('tablist').first().getByRole('tab', { selected: true });
    await expect(active).toHaveText('Resources');
    await expect(active).toBeInViewport({ ratio: 0.9 });
    expect(await fitsWidth(page)).toBe(true);

    // A pod page, reached from the pods view.
    await page.goto(`${CHECKOUT}?tab=resources&view=pods&ns=web`);
    const firstPod = page.getByRole('table', { name: 'Pods' }).getByRole('link').first();
    await firstPod.click();
    await expect(page).toHaveURL(/\/pods\/web\//);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);

    // The wall dashboard.
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
  });
}

test('at 1440x900 the page scrolls to the last cluster row', async ({ page, password }) => {
  await signedIn(page, password);
  await page.goto('/clusters');
  const table = page.getByRole('table', { name: 'Clusters' });
  await expect(table.getByRole('link', { name: 'checkout-prod' })).toBeVisible();
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.move(720, 600);
  await page.mouse.wheel(0, 5_000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
  // The last row of the fleet (names sort qa-integration last among the seed's) is on screen.
  await expect(table.getByRole('link', { name: 'qa-integration' })).toBeInViewport();
});
