import type { AutoscalingView, PodList, WorkloadList } from '@wheelhouse/contract';
import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { WorkloadActions } from './pages/WorkloadActions.ts';
import { expect, test } from './support/fixtures.ts';

const CHECKOUT = { accountId: '123456789012', region: 'us-east-1', name: 'checkout-prod' };
const K8S = `/api/clusters/${CHECKOUT.accountId}/${CHECKOUT.region}/${CHECKOUT.name}/k8s`;

test.beforeAll(async ({ sandbox }) => {
  await sandbox.grantConsoleClusterAdmin(CHECKOUT);
});

test('an operator restarts a deployment and watches new pods replace the old, without a reload', async ({
  page,
  password,
}) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('operator', password);
  // A deployment of the payments namespace that no HPA scales, with all its replicas ready.
  const workloads = (await (
    await page.request.get(`${K8S}/workloads?namespace=payments`)
  ).json()) as WorkloadList;
  const autoscaling = (await (
    await page.request.get(`${K8S}/autoscaling`)
  ).json()) as AutoscalingView;
  const scaled = new Set(autoscaling.hpas.map((hpa) => `${hpa.namespace}/${hpa.target}`));
  const target = workloads.items.find(
    (w) =>
      w.kind === 'Deployment' &&
      w.ready > 0 &&
      w.ready === w.desired &&
      !scaled.has(`payments/Deployment/${w.name}`),
  )!;
  const pods = (await (
    await page.request.get(`${K8S}/pods?namespace=payments&limit=5000`)
  ).json()) as PodList;
  const old = pods.items
    .filter((pod) => pod.name.startsWith(`${target.name}-`))
    .map((pod) => pod.name);
  expect(old.length).toBeGreaterThan(0);

  await page.goto(
    `/clusters/${CHECKOUT.accountId}/${CHECKOUT.region}/${CHECKOUT.name}?tab=resources&view=workloads&ns=payments`,
  );
  await new WorkloadActions(page).restart('Deployment', 'payments', target.name);

  const resources = new ResourcesTab(page);
  await resources.openPods(CHECKOUT, { ns: 'payments', q: `${target.name}-` });
  await expect(resources.live).toHaveAttribute('data-state', 'live');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  // The old pods go as the rollout replaces them, and as many new ones run.
  for (const name of old) await expect(resources.podRows(name)).toHaveCount(0, { timeout: 60_000 });
  await expect(resources.podRows(/Running/)).toHaveCount(old.length, { timeout: 60_000 });
  expect(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
});

test('an operator opens a shell on a pod and runs env', async ({ page, password }) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('operator', password);
  const pods = (await (
    await page.request.get(`${K8S}/pods?namespace=payments&limit=5000`)
  ).json()) as PodList;
  const pod = pods.items.find((p) => p.phase === 'Running' && p.ready)!;
  await page.goto(
    `/clusters/${CHECKOUT.accountId}/${CHECKOUT.region}/${CHECKOUT.name}/pods/payments/${pod.name}`,
  );
  const actions = new WorkloadActions(page);
  await actions.openShell();
  await actions.run('env');
  await expect(actions.terminal).toContainText(`HOSTNAME=${pod.name}`);
  await expect(actions.terminal).toContainText('KUBERNETES_SERVICE_HOST=');
});
