import type { NodegroupDisruption, NodeSummary, PodList } from '@wheelhouse/contract';
import { ComputeTab } from './pages/ComputeTab.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const CLUSTER = 'checkout-prod';
const NODEGROUP = 'general-od';

test('before scaling a node group to zero, the operator is told how many pods it evicts', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);

  // What the cluster's Kubernetes API says runs on the group's nodes now.
  const nodes = (await (
    await page.request.get(`/api/clusters/${ACCOUNT}/${REGION}/${CLUSTER}/k8s/nodes`)
  ).json()) as { items: NodeSummary[] };
  const own = nodes.items.filter((node) => node.runsOn.name === NODEGROUP);
  const pods = own.reduce((sum, node) => sum + node.pods, 0);
  expect(pods).toBeGreaterThan(0);

  const compute = new ComputeTab(page);
  await compute.open(ACCOUNT, REGION, CLUSTER);
  const dialog = await compute.previewScale(NODEGROUP, { min: 0, desired: 0, max: 6 });
  await expect(dialog).toContainText(/→ 0 instances/);
  await expect(dialog.getByRole('status').filter({ hasText: 'Scaling to 0' })).toContainText(
    `Scaling to 0 terminates every instance: all ${pods} ${pods === 1 ? 'pod' : 'pods'} on its ${own.length} ${own.length === 1 ? 'node' : 'nodes'} are evicted, and those with nowhere else to run stay Pending.`,
  );

  // The PodDisruptionBudgets over the group's pods, as the cluster holds them, are named. Which
  // workloads sit on the group follows the scheduler (earlier specs move pods), so the budgets are
  // checked against the pods the Kubernetes API places on its nodes rather than pinned by name.
  const disruption = (await (
    await page.request.get(
      `/api/clusters/${ACCOUNT}/${REGION}/${CLUSTER}/k8s/nodegroups/${NODEGROUP}/disruption`,
    )
  ).json()) as NodegroupDisruption;
  expect(disruption.pods).toBe(pods);
  const onGroup = (
    await Promise.all(
      own.map(async (node) => {
        const list = (await (
          await page.request.get(
            `/api/clusters/${ACCOUNT}/${REGION}/${CLUSTER}/k8s/pods?node=${node.name}`,
          )
        ).json()) as PodList;
        return list.items;
      }),
    )
  ).flat();
  const namespaces = new Set(onGroup.map((pod) => pod.namespace));
  expect(disruption.budgets.length).toBeGreaterThan(0);
  for (const budget of disruption.budgets) {
    expect(namespaces).toContain(budget.namespace);
    expect(budget.podsOnNodegroup).toBeGreaterThan(0);
    expect(budget.podsOnNodegroup).toBeLessThanOrEqual(
      onGroup.filter((pod) => pod.namespace === budget.namespace).length,
    );
  }
  const budgets = dialog.getByRole('list', { name: 'PodDisruptionBudgets affected' });
  await expect(budgets.getByRole('listitem')).toHaveCount(disruption.budgets.length);
  // Its status (disruptions allowed) follows the pods, so only each budget's own terms are pinned.
  for (const budget of disruption.budgets) {
    const terms =
      budget.minAvailable !== undefined
        ? `minAvailable ${budget.minAvailable}`
        : `maxUnavailable ${budget.maxUnavailable}`;
    await expect(budgets).toContainText(`${budget.namespace}/${budget.name} (${terms}`);
  }

  // Leaving the dialog changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
