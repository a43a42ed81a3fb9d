import { AddonsTab } from './pages/AddonsTab.ts';
import { AuditPage } from './pages/AuditPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const CLUSTER = 'search-prod';
const ADDON = 'amazon-cloudwatch-observability';

test('an operator installs an add-on with configuration values, watches it go CREATING then ACTIVE, and deletes it keeping its resources', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);

  const addons = new AddonsTab(page);
  await addons.open(ACCOUNT, REGION, CLUSTER);
  await expect(addons.row(ADDON)).toHaveCount(0);

  // A value the build's schema refuses is caught on its field before anything is sent.
  await addons.install(ADDON, 'containerLogs:\n  enabled: "no"\n');
  const dialog = addons.installDialog();
  await expect(dialog.getByText('/containerLogs/enabled: must be boolean')).toBeVisible();

  await dialog
    .getByLabel('Configuration values (YAML or JSON)')
    .fill('containerLogs:\n  enabled: false\n');
  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Installing ${ADDON}` })).toBeVisible();
  await expect(addons.row(ADDON)).toContainText('Creating');
  // No reload: the tab polls while an add-on moves.
  await expect(addons.row(ADDON)).toContainText('Active', { timeout: 30_000 });

  await addons.delete(ADDON, true);
  await expect(
    page.getByRole('status').filter({ hasText: `Deleting add-on ${ADDON}` }),
  ).toBeVisible();
  await expect(addons.row(ADDON)).toHaveCount(0, { timeout: 30_000 });

  const audit = new AuditPage(page);
  await audit.open();
  await expect(audit.entries('addon.create', `addon/${CLUSTER}/${ADDON}`).first()).toBeVisible();
  await expect(audit.entries('addon.delete', `addon/${CLUSTER}/${ADDON}`).first()).toBeVisible();
});
