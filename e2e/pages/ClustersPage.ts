import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet's clusters table. */
export class ClustersPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Clusters' });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/clusters${query}`);
    await expect(this.table).toBeVisible();
  }

  /** The body rows currently rendered (the table is virtualised). */
  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link') });
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Values of one column over the rendered rows, by its header's position. */
  async columnValues(header: string): Promise<string[]> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((text) => text.trim().startsWith(header));
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
    return this.rows().evaluateAll(
      (rows, i) =>
        rows.map(
          (row) =>
            (
              row.querySelectorAll('[role="cell"], td')[i] as HTMLElement | undefined
            )?.innerText.trim() ?? '',
        ),
      index,
    );
  }

  async openCluster(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
  }
}
