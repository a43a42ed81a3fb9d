import { expect, type Page } from '@playwright/test';

/** Settings → dashboard tokens (admins). */
export class DashboardTokensPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/settings/dashboard-tokens');
    await expect(this.page.getByRole('form', { name: 'Create a dashboard token' })).toBeVisible();
  }

  /** Mints a token and returns the kiosk URL shown once. */
  async mint(name: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Create a dashboard token' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create token' }).click();
    const kiosk = this.page.locator('code', { hasText: 'kiosk=1' }).first();
    await expect(kiosk).toBeVisible();
    return (await kiosk.innerText()).trim();
  }
}
