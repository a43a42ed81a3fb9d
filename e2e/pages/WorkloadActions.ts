import { expect, type Locator, type Page } from '@playwright/test';

/** The Kubernetes actions of the Resources tab and the pod page: restart, and a shell on a pod. */
export class WorkloadActions {
  readonly terminal: Locator;

  constructor(private readonly page: Page) {
    this.terminal = page.getByTestId('pod-terminal');
  }

  async restart(kind: string, namespace: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Restart ${kind} ${namespace}/${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Restart ${name}?` });
    await dialog.getByRole('button', { name: 'Restart' }).click();
    await expect(dialog).toBeHidden();
  }

  async openShell(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open shell' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /^Connected to / })).toBeVisible();
  }

  /** Types a command line into the terminal, as the user would. */
  async run(command: string): Promise<void> {
    await this.terminal.click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }
}
