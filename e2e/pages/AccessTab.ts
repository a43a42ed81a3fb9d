import { expect, type Locator, type Page } from '@playwright/test';

/** A cluster's Access tab: access entries, OIDC providers, Pod Identity, who can do what. */
export class AccessTab {
  readonly entries: Locator;
  readonly identityProviders: Locator;
  readonly podIdentity: Locator;

  constructor(private readonly page: Page) {
    this.entries = page.getByRole('table', { name: 'Access entries' });
    this.identityProviders = page.getByRole('table', { name: 'OIDC identity providers' });
    this.podIdentity = page.getByRole('table', { name: 'Pod Identity associations' });
  }

  async open(accountId: string, region: string, cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${accountId}/${region}/${cluster}?tab=access`);
    await expect(this.entries).toBeVisible();
  }

  entry(principalArn: string): Locator {
    return this.entries.getByRole('row').filter({ hasText: principalArn });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async createEntry(principalArn: string, groups: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Create access entry', exact: true }).click();
    const dialog = this.dialog('Create access entry');
    await dialog.getByLabel('IAM principal ARN').fill(principalArn);
    await dialog.getByLabel('Kubernetes groups (optional)').fill(groups);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  async associatePolicy(principalArn: string, policy: string, namespaces: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Associate policy with ${principalArn}`, exact: true })
      .click();
    const dialog = this.dialog('Associate access policy');
    await dialog.getByLabel('Access policy').selectOption({ label: policy });
    await dialog.getByLabel('Some namespaces').check();
    await dialog.getByRole('textbox', { name: 'Namespaces' }).fill(namespaces);
    await dialog.getByRole('button', { name: 'Associate', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** Deletes an entry, typing `typed` into the confirmation; returns the dialog (still open if refused). */
  async startDelete(principalArn: string): Promise<Locator> {
    await this.page
      .getByRole('button', { name: `Delete the access entry of ${principalArn}`, exact: true })
      .click();
    return this.dialog('Delete access entry');
  }

  async whoCan(verb: string, resource: string, namespace: string): Promise<Locator> {
    await this.page.getByLabel('Verb').selectOption(verb);
    await this.page.getByLabel('Resource', { exact: true }).fill(resource);
    await this.page.getByLabel('Namespace (empty: every namespace)').fill(namespace);
    await this.page.getByRole('button', { name: 'Ask', exact: true }).click();
    const answer = this.page.getByRole('table', {
      name: `Who can ${verb} ${resource} in ${namespace}`,
    });
    await expect(answer).toBeVisible();
    return answer;
  }

  podIdentityRow(serviceAccount: string): Locator {
    return this.podIdentity.getByRole('row').filter({ hasText: serviceAccount });
  }

  async createPodIdentity(namespace: string, serviceAccount: string, roleArn: string) {
    await this.page.getByRole('button', { name: 'Create association', exact: true }).click();
    const dialog = this.dialog('Create Pod Identity association');
    await dialog.getByLabel('Namespace').fill(namespace);
    await dialog.getByLabel('Service account').fill(serviceAccount);
    await dialog.getByLabel('IAM role ARN').fill(roleArn);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  async changePodIdentityRole(namespace: string, serviceAccount: string, roleArn: string) {
    await this.page
      .getByRole('button', {
        name: `Change role of ${namespace}/${serviceAccount}`,
        exact: true,
      })
      .click();
    const dialog = this.dialog('Change Pod Identity role');
    await dialog.getByLabel('IAM role ARN').fill(roleArn);
    await dialog.getByRole('button', { name: 'Change role', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  async deletePodIdentity(namespace: string, serviceAccount: string) {
    await this.page
      .getByRole('button', {
        name: `Delete the association of ${namespace}/${serviceAccount}`,
        exact: true,
      })
      .click();
    const dialog = this.dialog('Delete Pod Identity association');
    await dialog.getByLabel(`Type ${serviceAccount} to confirm`).fill(serviceAccount);
    await dialog.getByRole('button', { name: 'Delete association', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }
}
