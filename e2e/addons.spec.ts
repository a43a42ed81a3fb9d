import { AddonsTab } from './pages/AddonsTab.ts';
import { AuditPage } from './pages/AuditPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const CLUSTER = 'checkout-eu';
const ADDON = 'kube-proxy';

test('an operator updates an add-on, watches it go UPDATING then ACTIVE, and finds it audited', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);

  const addons = new AddonsTab(page);
  await addons.open(ACCOUNT, REGION, CLUSTER);
  for (const name of ['coredns', 'kube-proxy', 'vpc-cni'])
    await expect(addons.row(name)).toBeVisible();
  await expect(addons.row(ADDON)).toContainText('Active');

  const version = await addons.update(ADDON);
  await expect(page.getByRole('status').filter({ hasText: `Updating ${ADDON}` })).toBeVisible();
  await expect(addons.row(ADDON)).toContainText('Updating');
  // No reload: the tab polls while an add-on moves.
  await expect(addons.row(ADDON)).toContainText('Active', { timeout: 30_000 });
  await expect(addons.row(ADDON)).toContainText(version);
  await expect(addons.row(ADDON)).toContainText('up to date');

  const audit = new AuditPage(page);
  await audit.open();
  await expect(audit.entries('addon.update', `addon/${CLUSTER}/${ADDON}`).first()).toBeVisible();
});

test('the fleet page shows add-on drift and the degraded add-on with its issue', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  await page.getByRole('navigation').getByRole('link', { name: 'Add-ons' }).click();
  await expect(page).toHaveURL(/\/addons$/);
  const drift = page.getByRole('region', { name: 'Drift per add-on' });
  await expect(drift).toContainText('coredns');
  await expect(drift).toContainText(/unhealthy/);
  const table = page.getByRole('table', { name: 'Add-ons per cluster' });
  const degraded = table
    .getByRole('row')
    .filter({ hasText: 'ml-training' })
    .filter({ hasText: 'coredns' });
  await expect(degraded).toContainText('InsufficientNumberOfReplicas');
  // Auditors change nothing: the cluster tab offers no update.
  await page.goto(`/clusters/${ACCOUNT}/eu-west-1/ml-training?tab=addons`);
  await expect(page.getByRole('table', { name: 'Add-ons' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update coredns' })).toHaveCount(0);
});
