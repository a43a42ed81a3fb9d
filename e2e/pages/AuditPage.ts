import { expect, type Locator, type Page } from '@playwright/test';

/** The audit log page. */
export class AuditPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Audit log' });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
    await expect(this.table).toBeVisible();
  }

  entries(action: string, target: string): Locator {
    return this.table.getByRole('row').filter({ hasText: action }).filter({ hasText: target });
  }
}
