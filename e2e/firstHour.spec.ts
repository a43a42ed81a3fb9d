import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ClusterDetailPage } from './pages/ClusterDetailPage.ts';
import { NodegroupPage } from './pages/NodegroupPage.ts';
import { RegisterClusterPage } from './pages/RegisterClusterPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const HOME = '123456789012';

test.describe('what a new operator meets in the first hour', () => {
  test.beforeEach(async ({ page, password }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn('operator', password);
  });

  test('a cluster past extended support is shown its way up, one minor at a time', async ({
    page,
  }) => {
    await page.goto(`/clusters/${HOME}/us-east-1/legacy-billing`);
    await new ClusterDetailPage(page).expectCluster('legacy-billing');
    await page.getByRole('button', { name: 'Actions for legacy-billing' }).click();
    await page.getByRole('menuitem', { name: 'Update Kubernetes version…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Update Kubernetes version' });
    await expect(dialog.getByLabel('Version change')).toHaveText(/1\.30.*1\.31/);
    await expect(dialog.getByLabel('Path to a supported version')).toContainText('1.30 → 1.31 →');
    await expect(dialog).toContainText('1.30 is past the end of extended support');
    await expect(dialog).not.toContainText('no newer version');
    await expect(dialog.getByRole('button', { name: 'Update to 1.31' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the agent command printed at registration connects the cluster as printed', async ({
    page,
  }) => {
    const name = 'first-hour-agent';
    await new RegisterClusterPage(page).register({
      account: `sandbox-prod (${HOME})`,
      region: 'eu-west-1',
      name,
      provider: 'GKE',
      roleArn: `arn:aws:iam::${HOME}:role/eks-connector-agent`,
    });
    const commands = await page.getByRole('list', { name: 'Install commands' }).innerText();
    const command = commands
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.startsWith('npm run sandbox -- connect'));
    expect(command).toBe(
      `npm run sandbox -- connect ${name} --region eu-west-1 --account ${HOME} --endpoint ${process.env.WHEELHOUSE_E2E_SANDBOX}`,
    );
    // Run from the repository root, as the README says; no WHEELHOUSE_SANDBOX_PORT needed.
    const [program, ...args] = command!.split(' ');
    const { WHEELHOUSE_SANDBOX_PORT: _unset, ...env } = process.env;
    const { stdout } = await promisify(execFile)(program!, args, { cwd: ROOT, env });
    expect(stdout).toContain(`${name} (${HOME} eu-west-1) is ACTIVE`);

    await page.goto(`/clusters/${HOME}/eu-west-1/${name}`);
    await expect(new ClusterDetailPage(page).status()).toHaveAttribute('data-status', 'ACTIVE');
  });

  test('a labels update notice follows the update to its end, then goes', async ({ page }) => {
    const nodegroup = new NodegroupPage(page);
    await nodegroup.open(HOME, 'us-east-1', 'checkout-prod', 'general-od');
    await page.getByRole('button', { name: 'Edit labels & taints' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit labels and taints of general-od' });
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await dialog.getByLabel('Label 1 key').fill('first-hour');
    await dialog.getByLabel('Label 1 value').fill('yes');
    await dialog.getByRole('button', { name: 'Save changes' }).click();

    const status = page.getByRole('status', { name: 'Change status' });
    await expect(status).toContainText('Updating labels and taints of general-od. In progress…');
    await expect(status).toContainText('Labels and taints of general-od updated.', {
      timeout: 45_000,
    });
    await expect(status).not.toContainText('In progress');
    await expect(status).toBeEmpty({ timeout: 15_000 });
  });
});
