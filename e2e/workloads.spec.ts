import { ComputeTab } from './pages/ComputeTab.ts';
import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const CHECKOUT = { accountId: '123456789012', region: 'us-east-1', name: 'checkout-prod' };
const PLATFORM = { accountId: '123456789012', region: 'us-east-1', name: 'platform-tools' };

test('pods wait for room, then run once the node group grows, without a reload', async ({
  page,
  context,
  password,
  sandbox,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);

  // The Pending pods of the web namespace, watched live.
  const resources = new ResourcesTab(page);
  await resources.openPods(CHECKOUT, { ns: 'web', phase: 'Pending' });
  await expect(resources.live).toHaveAttribute('data-state', 'live');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // A team scales its deployment past what the nodes can hold.
  await sandbox.scaleDeployment(CHECKOUT, 'web', 'image-resizer', 200);
  // About 130 fit on the free room; the rest stay Pending.
  await expect(resources.podRows('image-resizer').first()).toContainText(/Pending|Unschedulable/, {
    timeout: 20_000,
  });

  // An operator, in another tab, scales the node group up.
  const other = await context.newPage();
  const compute = new ComputeTab(other);
  await compute.open(CHECKOUT.accountId, CHECKOUT.region, CHECKOUT.name);
  await compute.scale('general-od', { min: 3, desired: 30, max: 30 });

  // The first tab sees the Pending pods leave as they start running; it was never reloaded.
  await expect(resources.podRows('image-resizer')).toHaveCount(0, { timeout: 60_000 });
  expect(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
  await page.getByRole('combobox', { name: 'Phase' }).selectOption('Running');
  await expect(resources.podRows('image-resizer').first()).toContainText('Running');
});

test('a pod on Fargate shows the profile it runs on', async ({ page, password }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  const resources = new ResourcesTab(page);
  await resources.openPods(PLATFORM, { ns: 'batch' });
  const fargatePod = resources.podRows(/Fargate/).first();
  await expect(fargatePod).toContainText(/Fargate: ?fp-batch/);
});
