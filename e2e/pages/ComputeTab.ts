import { expect, type Locator, type Page } from '@playwright/test';

/** A cluster's Compute tab: managed node groups, self-managed groups, Fargate profiles. */
export class ComputeTab {
  readonly nodegroups: Locator;
  readonly fargateProfiles: Locator;

  constructor(private readonly page: Page) {
    this.nodegroups = page.getByRole('table', { name: 'Managed node groups' });
    this.fargateProfiles = page.getByRole('table', { name: 'Fargate profiles' });
  }

  async open(accountId: string, region: string, cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${accountId}/${region}/${cluster}?tab=compute`);
    await expect(this.nodegroups).toBeVisible();
  }

  row(table: Locator, name: string): Locator {
    return table.getByRole('row').filter({ hasText: name });
  }

  /** Opens a row's menu and picks an action. */
  async rowAction(table: Locator, name: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async scale(
    nodegroup: string,
    sizes: { min: number; desired: number; max: number },
  ): Promise<void> {
    await this.rowAction(this.nodegroups, nodegroup, 'Scale');
    const dialog = this.dialog(`Scale node group ${nodegroup}`);
    await dialog.getByLabel('Minimum size').fill(String(sizes.min));
    await dialog.getByLabel('Maximum size').fill(String(sizes.max));
    await dialog.getByLabel('Desired size').fill(String(sizes.desired));
    await dialog.getByRole('button', { name: 'Scale', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** Opens the Scale dialog and types sizes without sending them; the dialog stays open. */
  async previewScale(
    nodegroup: string,
    sizes: { min: number; desired: number; max: number },
  ): Promise<Locator> {
    await this.rowAction(this.nodegroups, nodegroup, 'Scale');
    const dialog = this.dialog(`Scale node group ${nodegroup}`);
    await dialog.getByLabel('Minimum size').fill(String(sizes.min));
    await dialog.getByLabel('Maximum size').fill(String(sizes.max));
    await dialog.getByLabel('Desired size').fill(String(sizes.desired));
    return dialog;
  }

  async addTaint(
    nodegroup: string,
    taint: { key: string; value: string; effect: string },
  ): Promise<void> {
    await this.rowAction(this.nodegroups, nodegroup, 'Edit labels & taints');
    const dialog = this.dialog(`Edit labels and taints of ${nodegroup}`);
    await dialog.getByRole('button', { name: 'Add taint' }).click();
    const taintRows = dialog.getByRole('textbox', { name: /^Taint \d+ key$/ });
    const index = await taintRows.count();
    await dialog.getByRole('textbox', { name: `Taint ${index} key`, exact: true }).fill(taint.key);
    await dialog
      .getByRole('textbox', { name: `Taint ${index} value`, exact: true })
      .fill(taint.value);
    await dialog
      .getByRole('combobox', { name: `Taint ${index} effect`, exact: true })
      .selectOption(taint.effect);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toHaveCount(0);
  }

  async createFargateProfile(name: string, selector: { namespace: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Create Fargate profile' }).click();
    const dialog = this.dialog('Create Fargate profile');
    await dialog.getByLabel('Profile name').fill(name);
    await expect(dialog.getByLabel('Pod execution role ARN')).not.toHaveValue('');
    await expect(dialog.getByLabel('Private subnets')).not.toHaveValue('');
    await dialog.getByLabel('Selector 1 namespace').fill(selector.namespace);
    await dialog.getByRole('button', { name: 'Create Fargate profile' }).click();
    await expect(dialog).toHaveCount(0);
  }

  async deleteFargateProfile(name: string): Promise<void> {
    await this.rowAction(this.fargateProfiles, name, 'Delete');
    const dialog = this.dialog(`Delete Fargate profile ${name}`);
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await confirm.click();
    await expect(dialog).toHaveCount(0);
  }
}
