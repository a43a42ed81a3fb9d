import { expect, type Locator, type Page } from '@playwright/test';

/** The fleet search dialog, opened from the keyboard as a user would. */
export class FleetSearch {
  readonly dialog: Locator;
  readonly box: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the fleet' });
    this.box = this.dialog.getByRole('combobox');
  }

  async openWithCtrlK(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.box).toBeFocused();
  }

  async type(query: string): Promise<void> {
    await this.box.fill(query);
  }

  group(name: string): Locator {
    return this.dialog.getByRole('group', { name });
  }
}
