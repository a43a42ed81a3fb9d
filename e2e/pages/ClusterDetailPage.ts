import { expect, type Page } from '@playwright/test';

/** One cluster's detail page with its tabs. */
export class ClusterDetailPage {
  constructor(private readonly page: Page) {}

  async expectCluster(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  /** The status badge beside the cluster's name (its raw EKS status is in data-status). */
  status() {
    return this.page.locator('main [data-status]').first();
  }

  tabPanel() {
    return this.page.getByRole('tabpanel');
  }
}
