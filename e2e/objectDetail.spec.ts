import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const CHECKOUT = { accountId: '123456789012', region: 'us-east-1', name: 'checkout-prod' };

test("an auditor reads a crash-looping pod's events and YAML, then follows its owner chain to the deployment", async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  const resources = new ResourcesTab(page);
  // notifier 0.9.4 crashes at start: the kubelet's back-off shows in its events.
  await resources.openPods(CHECKOUT, { ns: 'payments', q: 'notifier' });
  const link = resources.podRows('notifier').first().getByRole('link').first();
  const podName = (await link.innerText()).trim();
  await link.click();

  // What the kubelet said about it, folded with a count as kubectl describe shows it.
  const events = page.getByRole('table', { name: 'Events' });
  const backOff = events.getByRole('row').filter({ hasText: 'BackOff' }).first();
  await expect(backOff).toContainText('Warning');
  await expect(backOff).toContainText(`Back-off restarting failed container`);
  await expect(backOff).toContainText(podName);
  // Cells: type, message, count (the reason is the row's header).
  const count = Number(await backOff.getByRole('cell').nth(2).innerText());
  expect(count).toBeGreaterThan(1);

  // Its owners, outermost first: Deployment › ReplicaSet › this pod.
  const chain = page.getByRole('list', { name: 'Owner chain' });
  await expect(chain.getByRole('link', { name: /^ReplicaSet notifier-/ })).toBeVisible();
  const deployment = chain.getByRole('link', { name: 'Deployment notifier' });
  await expect(deployment).toBeVisible();

  // The object as the API server holds it, status included.
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page).toHaveURL(/[?&]tab=yaml/);
  const yaml = page.getByRole('region', { name: 'YAML' });
  await expect(yaml).toContainText('kind: Pod');
  await expect(yaml).toContainText(`name: ${podName}`);
  await expect(yaml).toContainText('namespace: payments');
  await expect(yaml).toContainText('reason: CrashLoopBackOff');
  await expect(page.getByRole('button', { name: 'Copy YAML' })).toBeEnabled();

  await page.getByRole('tab', { name: 'Overview' }).click();
  await deployment.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('notifier');
  // The deployment owns the ReplicaSet the pod came from.
  await expect(page.getByRole('list', { name: 'Owns' })).toContainText(/notifier-/);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByRole('region', { name: 'YAML' })).toContainText('kind: Deployment');
  await page.getByRole('tab', { name: /^Events/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/Events|No recent events/);
});
