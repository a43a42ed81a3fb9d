import { expect, type Page } from '@playwright/test';

/** The register wizard for EKS Connector and its once-only result page. */
export class RegisterClusterPage {
  constructor(private readonly page: Page) {}

  async register(cluster: {
    account: string;
    region: string;
    name: string;
    provider: string;
    roleArn: string;
  }): Promise<string> {
    await this.page.goto('/connected/register');
    await expect(this.page.getByRole('heading', { name: /^Step 1 of 3/ })).toBeVisible();
    const form = this.page.getByRole('form', { name: 'Register cluster' });
    await form.getByLabel('Account', { exact: true }).selectOption({ label: cluster.account });
    await form.getByLabel('Region', { exact: true }).selectOption(cluster.region);
    await form.getByLabel('Cluster name').fill(cluster.name);
    await form.getByLabel('Provider').selectOption(cluster.provider);
    await form.getByLabel('Connector IAM role ARN').fill(cluster.roleArn);
    await form.getByRole('button', { name: 'Next' }).click();
    await expect(this.page.getByRole('heading', { name: /^Step 2 of 3/ })).toBeVisible();
    await form.getByRole('button', { name: 'Next' }).click();
    await expect(this.page.getByRole('heading', { name: /^Step 3 of 3/ })).toBeVisible();
    await form.getByRole('button', { name: 'Register cluster' }).click();
    await expect(
      this.page.getByRole('heading', { name: `Cluster ${cluster.name} registered` }),
    ).toBeVisible();
    await expect(this.page.getByLabel('Shown only once')).toBeVisible();
    const activation = this.page
      .getByRole('group', { name: 'Activation' })
      .or(this.page.getByLabel('Activation'));
    return (await activation.first().innerText()).trim();
  }
}
