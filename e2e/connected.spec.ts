import { ClusterDetailPage } from './pages/ClusterDetailPage.ts';
import { RegisterClusterPage } from './pages/RegisterClusterPage.ts';
import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const CLUSTER = { accountId: '123456789012', region: 'eu-west-1', name: 'rancher-edge-e2e' };

test('an operator registers a cluster, its agent connects, and its pods show up', async ({
  page,
  password,
  sandbox,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);

  const activation = await new RegisterClusterPage(page).register({
    account: 'sandbox-prod (123456789012)',
    region: CLUSTER.region,
    name: CLUSTER.name,
    provider: 'RANCHER',
    roleArn: `arn:aws:iam::${CLUSTER.accountId}:role/eks-connector-agent`,
  });
  // The activation id and code are shown, with the helm command that installs the agent.
  expect(activation).toMatch(/[0-9a-f-]{36}/);
  await expect(page.getByRole('list', { name: 'Install commands' })).toContainText(
    'helm install eks-connector',
  );
  await expect(page.getByRole('list', { name: 'Install commands' })).toContainText(
    'eks.activationCode=',
  );

  // The cluster waits for its agent.
  await page.goto(`/clusters/${CLUSTER.accountId}/${CLUSTER.region}/${CLUSTER.name}`);
  const detail = new ClusterDetailPage(page);
  await detail.expectCluster(CLUSTER.name);
  await expect(detail.status()).toHaveAttribute('data-status', 'PENDING');
  // Its page is a connected cluster's: connector state and the agent's install command, no EKS-only
  // fields, no EKS-only tabs.
  const overview = detail.tabPanel();
  await expect(overview).toContainText('Waiting for the agent to connect');
  await expect(overview.getByRole('list', { name: 'Install commands' })).toContainText(
    'helm install eks-connector',
  );
  for (const eksOnly of ['Platform version', 'Upgrade policy', 'Cluster IAM role']) {
    await expect(overview).not.toContainText(eksOnly);
  }
  await expect(overview).not.toContainText('No health issues reported by EKS');
  await expect(page.getByRole('tab')).toHaveText(['Overview', 'Tags']);

  // In the other cluster, the EKS Connector agent starts with that activation.
  await sandbox.connect(CLUSTER);
  // The page watches a changing cluster closely: no reload needed.
  await expect(detail.status()).toHaveAttribute('data-status', 'ACTIVE', { timeout: 30_000 });
  await expect(overview).toContainText('Agent connected');
  await expect(overview.getByRole('list', { name: 'Install commands' })).toHaveCount(0);

  // From then on its workloads are visible like any cluster's.
  await detail.openTab('Resources');
  const resources = new ResourcesTab(page);
  await page.getByRole('tab', { name: 'Pods', exact: true }).click();
  await expect(resources.live).toBeVisible();
  await expect(resources.pods.getByRole('row').nth(1)).toBeVisible();
  await expect(resources.pods).toContainText('Running');
});
