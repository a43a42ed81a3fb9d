import { test, expect } from './support/fixtures.ts';
import { IdentityProviderPage } from './pages/IdentityProviderPage.ts';
import { SignInPage } from './pages/SignInPage.ts';

test('on the sandbox, a member of security-auditors signs in through the demo SSO as an auditor', async ({
  page,
  password,
}) => {
  await page.goto('/login');
  await new SignInPage(page).chooseSso('Demo SSO');
  // bob is the demo SSO's member of security-auditors (printed at start; README).
  await new IdentityProviderPage(page).signIn('bob', password);
  await expect(page).toHaveURL(/\/clusters$/);
  await expect(page.getByText('Signed in as bob')).toBeVisible();
  await expect(page.locator('#app-menu').getByText('auditor', { exact: true })).toBeVisible();
});
