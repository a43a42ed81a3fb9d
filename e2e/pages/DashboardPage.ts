import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet dashboard (also in kiosk mode on a wall screen). */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  tile(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** The count a bar of "Clusters by status" shows for one status label, e.g. "Active". */
  async statusCount(label: string): Promise<number> {
    const bar = this.tile('Clusters by status').getByRole('link', {
      name: new RegExp(`^${label}: \\d+ clusters?$`),
    });
    await expect(bar).toBeVisible();
    const name = (await bar.getAttribute('aria-label')) ?? (await bar.innerText());
    return Number(/: (\d+) cluster/.exec(name)?.[1] ?? NaN);
  }
}
