import { expect, type Locator, type Page } from '@playwright/test';

/** A cluster's Resources tab: workloads, pods, services, nodes, autoscaling, kept live by watches. */
export class ResourcesTab {
  readonly pods: Locator;
  readonly live: Locator;

  constructor(private readonly page: Page) {
    this.pods = page.getByRole('table', { name: 'Pods' });
    this.live = page.getByRole('status', { name: 'Live updates' });
  }

  async openPods(
    cluster: { accountId: string; region: string; name: string },
    query: Record<string, string> = {},
  ): Promise<void> {
    const params = new URLSearchParams({ tab: 'resources', view: 'pods', ...query });
    await this.page.goto(
      `/clusters/${cluster.accountId}/${cluster.region}/${cluster.name}?${params}`,
    );
    // With no pod matching, the view shows an empty state instead of the table; the live indicator is always there.
    await expect(this.live).toBeVisible();
  }

  podRows(text: string | RegExp): Locator {
    return this.pods.getByRole('row').filter({ hasText: text });
  }
}
