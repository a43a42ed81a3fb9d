import type { ClusterList } from '@wheelhouse/contract';
import { DashboardPage } from './pages/DashboardPage.ts';
import { DashboardTokensPage } from './pages/DashboardTokensPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test('a wall screen with a dashboard token sees the fleet counts and nothing else', async ({
  page,
  browser,
  password,
  baseURL,
}) => {
  // An admin mints a read-only token for the lobby screen.
  const signIn = new SignInPage(page);
  await signIn.open('/settings/dashboard-tokens');
  await signIn.signIn('admin', password);
  const tokens = new DashboardTokensPage(page);
  await tokens.open();
  const kioskUrl = await tokens.mint(`lobby ${Date.now()}`);
  const clusters = (await (await page.request.get('/api/clusters')).json()) as ClusterList;
  const active = clusters.items.filter((item) => item.status === 'ACTIVE').length;

  // The wall screen has no account: it opens the kiosk URL in a fresh browser.
  const wall = await browser.newContext({ baseURL });
  const screen = await wall.newPage();
  await screen.goto(kioskUrl);
  const dashboard = new DashboardPage(screen);
  await expect(dashboard.tile('Clusters by status')).toBeVisible();
  await expect(screen).not.toHaveURL(/token=/);
  await expect(screen).toHaveURL(/kiosk=1/);
  await expect(screen.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect(await dashboard.statusCount('Active')).toBe(active);
  await expect(dashboard.tile('Version support')).toBeVisible();
  await expect(dashboard.tile('Connected clusters pending')).toContainText('aks-partner');
  // Its tiles are not links: every page behind them would ask the wall screen to sign in.
  await expect(screen.getByRole('region').getByRole('link')).toHaveCount(0);

  // A wall cannot scroll: at common screen sizes the page is the screen and no tile is cut.
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await screen.setViewportSize(size);
    await expect(dashboard.tile('Version support')).toBeInViewport();
    await expect
      .poll(() => screen.evaluate(() => document.documentElement.scrollHeight <= innerHeight))
      .toBe(true);
    await expect.poll(() => dashboard.clippedTiles()).toEqual([]);
  }

  // Every other page sends it to sign-in.
  for (const path of ['/clusters', '/connected', '/audit', '/settings/dashboard-tokens']) {
    await screen.goto(path);
    await expect(screen).toHaveURL(/\/login/);
  }
  await wall.close();
});
