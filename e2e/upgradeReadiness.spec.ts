import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test('an auditor sees which clusters can move to the next version and who calls a removed API', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  await page.getByRole('navigation').getByRole('link', { name: 'Upgrades' }).click();
  await expect(page).toHaveURL(/\/upgrades$/);

  const table = page.getByRole('table', { name: 'Upgrade readiness per cluster' });
  const rowOf = (name: string) =>
    table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(rowOf('checkout-prod')).toContainText('Can upgrade');
  const legacy = rowOf('legacy-billing');
  await expect(legacy).toContainText('1.30 → 1.31');
  await expect(legacy).toContainText('Blocked');
  await expect(legacy).toContainText('Add-on coredns v1.11.1-eksbuild.9 does not run on 1.31');

  await legacy.getByRole('link', { name: 'legacy-billing' }).click();
  await expect(page.getByRole('tab', { name: 'Upgrade readiness', selected: true })).toBeVisible();
  const removal = page
    .getByRole('list', { name: 'Insights' })
    .getByRole('listitem')
    .filter({ hasText: 'Deprecated APIs removed in Kubernetes v1.32' })
    .first();
  await expect(removal).toContainText('WARNING');
  await expect(removal.getByRole('table', { name: 'Deprecated APIs' })).toContainText(
    'kubectl/v1.27.4 (linux/amd64) kubernetes/fa3d799',
  );
  await expect(page.getByRole('table', { name: 'Node group version skew' })).toContainText(
    'legacy-ng',
  );
});
