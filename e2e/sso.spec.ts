import { test, expect } from '@playwright/test';
import { IdentityProviderPage } from './pages/IdentityProviderPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { startSsoConsole, type SsoConsole } from './support/ssoConsole.ts';

const PASSWORD = 'e2e-idp-password';
let sso: SsoConsole;

test.beforeAll(async () => {
  sso = await startSsoConsole({
    name: 'Corp SSO',
    users: [
      { username: 'olga', password: PASSWORD, groups: ['eks-operators'] },
      { username: 'sven', password: PASSWORD, groups: ['sales'] },
    ],
    roles: { admin: ['eks-admins'], operator: ['eks-operators'], auditor: ['eks-auditors'] },
  });
});
test.afterAll(async () => {
  await sso?.close();
});

test('an operator signs in through the provider, lands on the page asked for, and signs out of both', async ({
  page,
}) => {
  await page.goto(`${sso.url}/audit`);
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
  // localUsers is false: the only way in is the provider.
  await expect(page.getByLabel('User name')).toHaveCount(0);
  await new SignInPage(page).chooseSso('Corp SSO');

  await expect(page).toHaveURL(new RegExp(`^${sso.idp.issuer}/interaction/`));
  await new IdentityProviderPage(page).signIn('olga', PASSWORD);

  await expect(page).toHaveURL(`${sso.url}/audit`);
  await expect(page.getByText('Signed in as olga')).toBeVisible();
  await expect(page.locator('#app-menu').getByText('operator', { exact: true })).toBeVisible();
  // Operators see their own audit entries: the SSO sign-in is the first.
  await expect(page.getByRole('cell', { name: 'session.signin' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider asks whether to end its own session too, then sends the browser back.
  await expect(page).toHaveURL(new RegExp(`^${sso.idp.issuer}/session/end`));
  await page.getByRole('button', { name: /yes/i }).click();
  await expect(page).toHaveURL(`${sso.url}/login`);
  await page.goto(`${sso.url}/clusters`);
  await expect(page).toHaveURL(/\/login/);
});

test('a user in no mapped group is told so', async ({ page }) => {
  await page.goto(`${sso.url}/login`);
  await new SignInPage(page).chooseSso('Corp SSO');
  await new IdentityProviderPage(page).signIn('sven', PASSWORD);
  await expect(page).toHaveURL(/\/login\/refused\?reason=no-role/);
  await expect(page.getByRole('alert')).toContainText(
    'none of your groups is mapped to a Wheelhouse role',
  );
});
