import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test('an operator sees what the control planes cost and how much capacity runs on Spot', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
  await page.getByRole('navigation').getByRole('link', { name: 'Cost' }).click();
  await expect(page).toHaveURL(/\/cost$/);

  const totals = page.getByRole('region', { name: 'Fleet totals' });
  await expect(totals).toContainText('Control planes per month');
  await expect(page.getByRole('meter', { name: 'Spot share of vCPUs in the fleet' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Cost per cluster' });
  // An unsupported version is billed as extended support until EKS upgrades it.
  const legacy = table.getByRole('row').filter({ hasText: 'legacy-billing' });
  await expect(legacy).toContainText('$0.60');
  await expect(legacy).toContainText('$438');
  const spot = page.getByRole('meter', { name: 'Spot share of vCPUs in checkout-prod' });
  await expect(spot).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  await expect(table.getByRole('row').filter({ hasText: 'gke-analytics' })).toContainText(
    'connected (no EKS charge)',
  );
});
