import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { AccessTab } from './pages/AccessTab.ts';
import { IdentityProviderPage } from './pages/IdentityProviderPage.ts';
import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';

// The seeded RBAC (README, "Kubernetes as the signed-in user"): operators may not read `training`
// on ml-training, admins read everything; the console impersonates whoever signed in.
const ML = { accountId: '123456789012', region: 'eu-west-1', name: 'ml-training' };

async function signInWithSso(page: Page, user: string, password: string) {
  await page.goto('/login');
  await new SignInPage(page).chooseSso('Demo SSO');
  await new IdentityProviderPage(page).signIn(user, password);
  await expect(page.getByText(`Signed in as ${user}`)).toBeVisible();
}

test('a security auditor signed in through the demo SSO reads the Access tab, and changes nothing', async ({
  page,
  password,
}) => {
  // bob is the demo SSO's member of security-auditors.
  await signInWithSso(page, 'bob', password);
  const access = new AccessTab(page);
  await access.open(ML.accountId, ML.region, ML.name);
  await expect(access.entries.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create access entry' })).toHaveCount(0);
});

test("an operator is refused the namespace the cluster's RBAC hides, with the reason", async ({
  page,
  password,
}) => {
  // alice is the demo SSO's member of platform-operators.
  await signInWithSso(page, 'alice', password);
  const resources = new ResourcesTab(page);
  // Refused, the view shows the reason instead of the table (and no live indicator).
  await page.goto(
    `/clusters/${ML.accountId}/${ML.region}/${ML.name}?tab=resources&view=pods&ns=training`,
  );
  const refusal = page.getByRole('region', { name: 'Your groups may not see these pods' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('may not list pods in training');
  await expect(refusal).toContainText('platform-operators');
  await expect(resources.pods).toHaveCount(0);
  // The namespaces RBAC lets her read still list their pods.
  await resources.openPods(ML, { ns: 'notebooks' });
  await expect(resources.pods.getByRole('row').nth(1)).toBeVisible();
});

test('an admin reads the pods of the namespace hidden from operators', async ({
  page,
  password,
}) => {
  // carol is the demo SSO's member of wheelhouse-admins.
  await signInWithSso(page, 'carol', password);
  const resources = new ResourcesTab(page);
  await resources.openPods(ML, { ns: 'training' });
  await expect(resources.pods.getByRole('row').nth(1)).toBeVisible();
  await expect(resources.pods).toContainText('training');
  await expect(page.getByRole('region', { name: /may not see/ })).toHaveCount(0);
});
