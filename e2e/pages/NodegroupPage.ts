import { expect, type Locator, type Page } from '@playwright/test';

/** One managed node group: its instances and update history, live. */
export class NodegroupPage {
  readonly instances: Locator;

  constructor(private readonly page: Page) {
    this.instances = page.getByRole('table', { name: 'Instances' });
  }

  async open(accountId: string, region: string, cluster: string, nodegroup: string): Promise<void> {
    await this.page.goto(`/clusters/${accountId}/${region}/${cluster}/nodegroups/${nodegroup}`);
    await expect(this.instances).toBeVisible();
  }

  /** Rows of instances EC2 reports as running. */
  running(): Locator {
    return this.instances
      .getByRole('row')
      .filter({ hasText: /i-[0-9a-f]{17}/ })
      .filter({ hasText: /running/i });
  }
}
