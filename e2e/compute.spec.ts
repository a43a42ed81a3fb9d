import { CSRF_HEADER, type SessionInfo } from '@wheelhouse/contract';
import { AuditPage } from './pages/AuditPage.ts';
import { ComputeTab } from './pages/ComputeTab.ts';
import { NodegroupPage } from './pages/NodegroupPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

// dev-sandbox lives in the second sandbox account, which the console reaches through AssumeRole.
const ACCOUNT = '210987654321';
const REGION = 'us-east-1';
const CLUSTER = 'dev-sandbox';
const NODEGROUP = 'dev-general';
const PROFILE = `e2e-jobs`;
const NODEGROUP_PATH = `/api/clusters/${ACCOUNT}/${REGION}/${CLUSTER}/nodegroups/${NODEGROUP}`;

// Each test stands alone: the auditor's test makes the change it then looks for in the audit log.

test('an operator scales a node group from 2 to 4 and watches the instances appear', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);

  const nodegroupPage = new NodegroupPage(page);
  await nodegroupPage.open(ACCOUNT, REGION, CLUSTER, NODEGROUP);
  await expect(nodegroupPage.running()).toHaveCount(2);

  const compute = new ComputeTab(page);
  await compute.open(ACCOUNT, REGION, CLUSTER);
  await compute.scale(NODEGROUP, { min: 1, desired: 4, max: 6 });
  await expect(page.getByRole('status', { name: 'Compute change status' })).toContainText(
    /update/i,
  );

  await nodegroupPage.open(ACCOUNT, REGION, CLUSTER, NODEGROUP);
  // No reload: the page polls while the node group is updating.
  await expect(nodegroupPage.running()).toHaveCount(4, { timeout: 30_000 });
  const history = page.getByRole('table', { name: 'Update history' });
  await expect(history).toContainText(/Successful|In progress/);
  // The change in words, not EKS's raw parameters.
  await expect(history).toContainText(/Desired (set to|\d+ →) 4/);
});

test('an operator adds a taint to a node group', async ({ page, password }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
  const compute = new ComputeTab(page);
  await compute.open(ACCOUNT, REGION, CLUSTER);
  await expect(compute.row(compute.nodegroups, NODEGROUP)).toContainText(/Active/, {
    timeout: 30_000,
  });
  await compute.addTaint(NODEGROUP, { key: 'dedicated', value: 'e2e', effect: 'NO_SCHEDULE' });
  await expect(compute.row(compute.nodegroups, NODEGROUP)).toContainText('dedicated=e2e', {
    timeout: 30_000,
  });
});

test('an operator creates a Fargate profile and deletes it', async ({ page, password }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
  const compute = new ComputeTab(page);
  await compute.open(ACCOUNT, REGION, CLUSTER);
  await expect(compute.fargateProfiles).toBeVisible();
  await compute.createFargateProfile(PROFILE, { namespace: 'e2e' });
  await expect(compute.row(compute.fargateProfiles, PROFILE)).toContainText(/Active/, {
    timeout: 30_000,
  });
  await compute.deleteFargateProfile(PROFILE);
  await expect(compute.row(compute.fargateProfiles, PROFILE)).toHaveCount(0, { timeout: 30_000 });
});

test("the auditor sees no change controls and finds an operator's change in the audit log", async ({
  page,
  playwright,
  baseURL,
  password,
}) => {
  // The operator's change, made through the console's API as the browser would make it.
  const operator = await playwright.request.newContext({ baseURL: baseURL! });
  const signedIn = await operator.post('/api/session', {
    data: { username: 'operator', password },
  });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as SessionInfo;
  const label = `e2e-audit-${Date.now()}`;
  const change = await operator.post(`${NODEGROUP_PATH}/labels-taints`, {
    headers: { [CSRF_HEADER]: csrfToken },
    data: { addOrUpdateLabels: { [label]: 'yes' }, clientRequestToken: label },
  });
  expect(change.status()).toBe(202);
  await operator.dispose();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  const compute = new ComputeTab(page);
  await compute.open(ACCOUNT, REGION, CLUSTER);
  await expect(compute.row(compute.nodegroups, NODEGROUP)).toBeVisible();
  for (const name of ['Create node group', 'Create Fargate profile', `Actions for ${NODEGROUP}`]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }

  const audit = new AuditPage(page);
  await audit.open('?user=operator');
  const entry = audit.entries('nodegroup.labels-taints', `nodegroup/${CLUSTER}/${NODEGROUP}`);
  // Newest first: the first such entry is the change made above, with its parameters one click away.
  await entry
    .first()
    .getByRole('button', { name: /parameters of entry/ })
    .click();
  await expect(page.getByRole('dialog', { name: /Parameters of entry/ })).toContainText(label);
});
