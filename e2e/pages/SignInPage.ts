import { expect, type Page } from '@playwright/test';

/** The sign-in page, as a user sees it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  }

  /** Follows "Sign in with <provider>" to the identity provider's own page. */
  async chooseSso(provider: string): Promise<void> {
    await this.page.getByRole('link', { name: `Sign in with ${provider}` }).click();
  }

  async signIn(user: string, password: string): Promise<void> {
    await this.page.getByLabel('User name').fill(user);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByText(`Signed in as ${user}`)).toBeVisible();
  }
}
