import { expect, type Locator, type Page } from '@playwright/test';

/** A cluster page's Add-ons tab. */
export class AddonsTab {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Add-ons' });
  }

  async open(accountId: string, region: string, cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${accountId}/${region}/${cluster}?tab=addons`);
    await expect(this.table).toBeVisible();
  }

  row(addon: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: addon, exact: true }) });
  }

  /** Opens the update dialog and submits it with the version it proposes (the newest) and OVERWRITE. */
  async update(addon: string): Promise<string> {
    await this.page.getByRole('button', { name: `Update ${addon}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Update add-on ${addon}` });
    const version = await dialog.getByLabel('Version').inputValue();
    await dialog.getByLabel('Conflicts').selectOption('OVERWRITE');
    await dialog.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(dialog).toBeHidden();
    return version;
  }

  /** Opens the install dialog, picks an add-on (its default build) and types its configuration values. */
  async install(addon: string, configurationValues: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Install add-on' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Install add-on' });
    await dialog.getByLabel('Add-on').selectOption(addon);
    const version = await dialog.getByLabel('Version').inputValue();
    await expect(dialog.getByText(`Settings of ${version}`)).toBeVisible();
    await dialog.getByLabel('Configuration values (YAML or JSON)').fill(configurationValues);
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    return version;
  }

  /** The install dialog, while it is open. */
  installDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Install add-on' });
  }

  /** Deletes an add-on after typing its name; `preserve` keeps its objects on the cluster. */
  async delete(addon: string, preserve: boolean): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${addon}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete add-on ${addon}` });
    if (preserve)
      await dialog
        .getByRole('checkbox', { name: 'Keep its resources on the cluster (preserve)' })
        .check();
    await dialog.getByRole('textbox').fill(addon);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
