import { expect, type Page } from '@playwright/test';

/** The OpenID provider's own sign-in form (oidc-provider's interaction page). */
export class IdentityProviderPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Demo identity provider' })).toBeVisible();
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
