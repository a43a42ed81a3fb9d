import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { AccessTab } from './pages/AccessTab.ts';
import { IdentityProviderPage } from './pages/IdentityProviderPage.ts';
import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';

/**
 * Issue 9's "done when", on the console `npm start` runs: people sign in through the demo SSO and
 * the cluster's RBAC (packages/sandbox/src/kube/seed/rbacSeed.ts) decides what each may see and do.
 * The seed hides `training` on ml-training from platform-operators; security-auditors read every
 * namespace but no Secrets.
 */
const ML = { accountId: '123456789012', region: 'eu-west-1', name: 'ml-training' };
const CLUSTER = `/clusters/${ML.accountId}/${ML.region}/${ML.name}`;

async function signInWithSso(page: Page, user: string, password: string) {
  await page.goto('/login');
  await new SignInPage(page).chooseSso('Demo SSO');
  await new IdentityProviderPage(page).signIn(user, password);
  await expect(page.getByText(`Signed in as ${user}`)).toBeVisible();
}

test('a security auditor reads the Access tab and learns who is refused the hidden namespace, and why', async ({
  page,
  password,
}) => {
  // bob is the demo SSO's member of security-auditors.
  await signInWithSso(page, 'bob', password);
  const access = new AccessTab(page);
  await access.open(ML.accountId, ML.region, ML.name);
  const answer = await access.whoCan('list', 'pods', 'training');
  await expect(answer.getByRole('row').filter({ hasText: 'Group:security-auditors' })).toHaveCount(
    1,
  );
  await expect(answer.getByRole('row').filter({ hasText: 'Group:wheelhouse-admins' })).toHaveCount(
    1,
  );
  // Operators are bound namespace by namespace, never in training.
  await expect(answer).not.toContainText('platform-operators');
  const notebooks = await access.whoCan('list', 'pods', 'notebooks');
  await expect(
    notebooks.getByRole('row').filter({ hasText: 'platform-operators' }),
  ).not.toHaveCount(0);
  // The auditor's own reads follow the same RBAC: training's pods are listed for her.
  await new ResourcesTab(page).openPods(ML, { ns: 'training' });
  await expect(new ResourcesTab(page).pods.getByRole('row').nth(1)).toBeVisible();
});

test("an operator's pods differ from an admin's because of RBAC, and a drain she may not do is disabled with the reason", async ({
  browser,
  baseURL,
  password,
}) => {
  // Two sign-ins through the provider and four views: more than one spec's default minute on a busy machine.
  test.setTimeout(180_000);
  // Two people at once: each browser context has its own session cookie.
  const operator = await (await browser.newContext({ baseURL })).newPage();
  const admin = await (await browser.newContext({ baseURL })).newPage();
  try {
    await signInWithSso(operator, 'alice', password);
    await signInWithSso(admin, 'carol', password);
    await operator.goto(`${CLUSTER}?tab=resources&view=pods&ns=training`);
    const refusal = operator.getByRole('region', { name: 'Your groups may not see these pods' });
    await expect(refusal).toContainText('may not list pods in training');
    await expect(refusal).toContainText('platform-operators');
    // The API server's own words name the impersonated person.
    await expect(refusal).toContainText('User "alice" cannot list resource "pods"');
    const adminPods = new ResourcesTab(admin);
    await adminPods.openPods(ML, { ns: 'training' });
    await expect(adminPods.pods.getByRole('row').nth(1)).toBeVisible();

    // SSAR first: eviction across namespaces (what a drain does) is refused to operators here,
    // so Drain is disabled and says why before she tries; cordon is allowed.
    await operator.goto(`${CLUSTER}?tab=resources&view=nodes`);
    // She may read nodes but not every namespace's pods: the nodes are listed, requests are not.
    await expect(operator.getByText('Requests and pod counts are not shown')).toBeVisible();
    const drain = operator.getByRole('button', { name: /^Drain / }).first();
    await expect(drain).toBeDisabled();
    await expect(drain).toHaveAccessibleDescription(
      /may not create pods\/eviction across all namespaces/,
    );
    await expect(
      operator.getByRole('button', { name: /^(Cordon|Uncordon) / }).first(),
    ).toBeEnabled();
    await admin.goto(`${CLUSTER}?tab=resources&view=nodes`);
    await expect(admin.getByRole('button', { name: /^Drain / }).first()).toBeEnabled();
  } finally {
    await operator.context().close();
    await admin.context().close();
  }
});
