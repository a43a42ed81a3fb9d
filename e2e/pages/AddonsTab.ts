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
}
