import { ClusterDetailPage } from './pages/ClusterDetailPage.ts';
import { ClustersPage } from './pages/ClustersPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('an auditor looks over the fleet', () => {
  test.beforeEach(async ({ page, password }) => {
    const signIn = new SignInPage(page);
    await signIn.open('/clusters');
    await signIn.signIn('auditor', password);
  });

  test('sees clusters from several regions and accounts in one table', async ({ page }) => {
    const clusters = new ClustersPage(page);
    await expect(clusters.table).toBeVisible();
    await expect(clusters.rows().first()).toBeVisible();
    const regions = new Set(await clusters.columnValues('Region'));
    expect(regions.size).toBeGreaterThanOrEqual(3);
    const accounts = new Set(await clusters.columnValues('Account'));
    expect(accounts.size).toBeGreaterThanOrEqual(2);
    // An auditor reads; nothing invites a change.
    await expect(page.getByRole('link', { name: 'Create cluster' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /create cluster/i })).toHaveCount(0);
  });

  test('filters by region through the URL, and the link reproduces the view', async ({ page }) => {
    const clusters = new ClustersPage(page);
    await clusters.open('?region=eu-west-1');
    await expect(clusters.rows().first()).toBeVisible();
    expect(new Set(await clusters.columnValues('Region'))).toEqual(new Set(['eu-west-1']));
    await expect(
      page.getByRole('button', { name: 'Remove filter Region: eu-west-1' }),
    ).toBeVisible();

    // Adding a filter in the UI writes it to the URL.
    await page.getByRole('button', { name: /^Filter by status/ }).click();
    await page.getByRole('checkbox', { name: 'Active' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/status=ACTIVE/);
    expect(new Set(await clusters.columnValues('Status'))).toEqual(new Set(['Active']));

    // The same URL in a fresh page shows the same view.
    const again = await page.context().newPage();
    await again.goto(page.url());
    const fresh = new ClustersPage(again);
    await expect(fresh.rows().first()).toBeVisible();
    expect(new Set(await fresh.columnValues('Region'))).toEqual(new Set(['eu-west-1']));
  });

  test("opens a cluster's detail page and reads its sections", async ({ page }) => {
    const clusters = new ClustersPage(page);
    await clusters.open('?region=eu-west-1&status=ACTIVE');
    const name = (await clusters.columnValues('Name'))[0]!;
    await clusters.openCluster(name);
    await expect(page).toHaveURL(new RegExp(`/clusters/\\d{12}/eu-west-1/${name}`));
    const detail = new ClusterDetailPage(page);
    await detail.expectCluster(name);
    await detail.openTab('Networking');
    await expect(detail.tabPanel()).toContainText(/vpc-/);
    await detail.openTab('Logging');
    await expect(page.getByRole('table', { name: 'Control plane log types' })).toContainText(
      'controllerManager',
    );
    await expect(page).toHaveURL(/tab=logging/i);
  });
});
