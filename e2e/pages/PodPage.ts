import { expect, type Locator, type Page } from '@playwright/test';

/** One pod's page: its Overview and Logs tabs, and the log's search and options. */
export class PodPage {
  readonly log: Locator;
  readonly options: Locator;
  readonly search: Locator;
  readonly searchBox: Locator;
  readonly matchCount: Locator;

  constructor(private readonly page: Page) {
    this.log = page.getByRole('log');
    this.options = page.getByRole('group', { name: 'Log options' });
    this.search = page.getByRole('search', { name: 'Search the log' });
    this.searchBox = this.search.getByRole('searchbox', { name: 'Search' });
    this.matchCount = this.search.getByRole('status', { name: 'Matches' });
  }

  async openLogs(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Logs' }).click();
    await expect(this.log).toBeVisible();
    await expect(this.page).toHaveURL(/[?&]tab=logs/);
  }

  async searchFor(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  async nextMatch(): Promise<void> {
    await this.search.getByRole('button', { name: 'Next match' }).click();
  }

  async setTimestamps(on: boolean): Promise<void> {
    await this.options.getByRole('switch', { name: 'Timestamps' }).setChecked(on);
  }

  /** The log's lines as the page shows them. */
  async lines(): Promise<string[]> {
    return (await this.log.innerText()).split('\n').filter(Boolean);
  }
}
