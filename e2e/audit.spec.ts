import { AuditPage } from './pages/AuditPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test('an auditor narrows the audit log as they pick and type, with no Apply button', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  const audit = new AuditPage(page);
  await audit.open();
  const filters = page.getByRole('search', { name: 'Audit filters' });
  const userBox = filters.getByLabel('User', { exact: true });
  await expect(page.getByRole('button', { name: /apply/i })).toHaveCount(0);

  // A pick applies at once; "session" as a prefix finds sign-ins and sign-outs alike.
  await filters
    .getByLabel('Action', { exact: true })
    .selectOption({ label: 'every session.* action' });
  await expect(page).toHaveURL(/[?&]action=session(&|$)/);
  await userBox.fill('auditor');
  await expect(page).toHaveURL(/[?&]user=auditor(&|$)/);
  const rows = audit.table.getByRole('row').filter({ hasText: 'session.signin' });
  await expect(rows.first()).toBeVisible();
  await expect(userBox).toBeFocused();

  // Changes only: the same filters without sign-ins leave nothing of this user's sign-ins.
  await filters.getByRole('checkbox', { name: 'Changes only' }).check();
  await expect(page).toHaveURL(/changesOnly=true/);
  await expect(page.getByText('No entries match these filters')).toBeVisible();

  // The URL reproduces the view.
  await page.reload();
  await expect(filters.getByRole('checkbox', { name: 'Changes only' })).toBeChecked();
  await expect(userBox).toHaveValue('auditor');
});
