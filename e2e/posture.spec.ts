import { readFile } from 'node:fs/promises';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test('an auditor narrows the posture findings to critical ones and exports them', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  await page.getByRole('navigation').getByRole('link', { name: 'Posture' }).click();
  await expect(page).toHaveURL(/\/posture$/);

  // Every EKS cluster has a score; the one on an unsupported version scores below the rest.
  const legacyScore = page.getByRole('meter', { name: 'Posture score of legacy-billing' });
  await expect(legacyScore).toBeVisible();
  const scoreOf = async (name: string) =>
    Number(
      await page
        .getByRole('meter', { name: `Posture score of ${name}` })
        .getAttribute('aria-valuenow'),
    );
  expect(await scoreOf('legacy-billing')).toBeLessThan(await scoreOf('checkout-prod'));

  const filters = page.getByRole('search', { name: 'Filter findings' });
  await filters.getByRole('button', { name: 'Filter by severity' }).click();
  await page.getByRole('checkbox', { name: /^Critical/ }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]severity=critical(&|$)/);
  const table = page.getByRole('table', { name: 'Posture findings' });
  const row = table.getByRole('row').filter({ hasText: 'Kubernetes version out of support' });
  await expect(row.filter({ hasText: 'legacy-billing' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: /^High/ })).toHaveCount(0);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^wheelhouse-posture-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'severity,checkId,title,accountId,region,cluster,resource,detail,remediation,source',
  );
  expect(lines.slice(1).every((line) => line.startsWith('"critical"'))).toBe(true);
  expect(csv).toContain('"EKS-VERSION-UNSUPPORTED"');
  expect(csv).toContain('"aws eks update-cluster-version --region us-east-1 --name legacy-billing');

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as {
    items: { severity: string; cluster: string }[];
  };
  expect(exported.items.length).toBe(lines.length - 1);
  expect(exported.items.some((item) => item.cluster === 'legacy-billing')).toBe(true);

  // A finding's resource opens where the console shows it.
  await row
    .filter({ hasText: 'legacy-billing' })
    .getByRole('link', { name: 'cluster/legacy-billing' })
    .click();
  await expect(page).toHaveURL(/\/clusters\/123456789012\/us-east-1\/legacy-billing$/);
  await page.getByRole('tab', { name: 'Posture' }).click();
  await expect(page.getByRole('table', { name: 'Posture findings' })).toContainText(
    'EKS-AUTH-CONFIG-MAP',
  );
});
