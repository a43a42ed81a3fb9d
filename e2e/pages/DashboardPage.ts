import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet dashboard (also in kiosk mode on a wall screen). */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  tile(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** The count a bar of "Clusters by status" shows for one status label, e.g. "Active". */
  async statusCount(label: string): Promise<number> {
    // A bar is a link for a signed-in user and plain text on a token screen; its text names it.
    const bar = this.tile('Clusters by status')
      .getByRole('list', { name: 'Clusters by status' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${label}: \\d+ clusters?$`) });
    await expect(bar).toBeVisible();
    return Number(/: (\d+) cluster/.exec((await bar.textContent()) ?? '')?.[1] ?? NaN);
  }

  /** Tiles whose content does not fit inside them (a wall screen cannot scroll to it). */
  async clippedTiles(): Promise<string[]> {
    return this.page.getByRole('region').evaluateAll((regions) =>
      regions
        .filter((region) => region.scrollHeight > region.clientHeight + 1)
        .map((region) => region.getAttribute('aria-labelledby') ?? '?')
        .map((id) => document.getElementById(id)?.textContent ?? id),
    );
  }
}
