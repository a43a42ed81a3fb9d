import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const CHECKOUT = '/clusters/123456789012/us-east-1/checkout-prod';

const PAGES: { path: string; ready: (page: Page) => Locator }[] = [
  { path: '/clusters', ready: (page) => page.getByRole('table', { name: 'Clusters' }) },
  {
    path: `${CHECKOUT}?tab=compute`,
    ready: (page) => page.getByRole('table', { name: 'Managed node groups' }),
  },
  {
    path: `${CHECKOUT}?tab=access&canVerb=delete&canResource=pods&canNamespace=payments`,
    ready: (page) => page.getByRole('table', { name: 'Who can delete pods in payments' }),
  },
  { path: '/dashboard', ready: (page) => page.getByRole('region', { name: 'Version support' }) },
  { path: '/audit', ready: (page) => page.getByRole('search', { name: 'Audit filters' }) },
  {
    path: '/upgrades',
    ready: (page) => page.getByRole('table', { name: 'Upgrade readiness per cluster' }),
  },
  {
    // Blocked, with removed-API clients and a DEGRADED node group: every colour of the tab shows.
    path: '/clusters/123456789012/us-east-1/legacy-billing?tab=upgrade',
    ready: (page) => page.getByRole('table', { name: 'Deprecated APIs' }),
  },
];

/** WCAG 2 A and AA violations axe finds on the page as it is now, as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const styleOf = (locator: Locator, property: string) =>
  locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function signedIn(page: Page, password: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
}

for (const theme of ['light', 'dark'] as const) {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`axe finds no WCAG A/AA violation at ${size.width} px in the ${theme} theme`, async ({
      page,
      password,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await signedIn(page, password);
      await page.setViewportSize(size);
      for (const { path, ready } of PAGES) {
        await page.goto(path);
        await expect(ready(page)).toBeVisible();
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
        expect(await axeViolations(page), `${path} at ${size.width} px, ${theme}`).toEqual([]);
      }
    });
  }

  test(`the keyboard focus on a primary button and in a row menu is plain to see (${theme})`, async ({
    page,
    password,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await signedIn(page, password);
    await page.goto(`${CHECKOUT}?tab=compute`);
    const create = page.getByRole('button', { name: 'Create node group' });
    await expect(create).toBeVisible();
    await create.focus();
    // focus() from script is not keyboard focus; one Tab back and forth makes it :focus-visible.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(create).toBeFocused();
    expect(await create.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
    expect(parseFloat(await styleOf(create, 'outline-width'))).toBeGreaterThanOrEqual(3);
    const ring = await styleOf(create, 'outline-color');
    // The ring stands out against the page around it, a gap of page colour away from the button,
    // and in another colour than the button's own blue.
    expect(contrast(ring, await pageBackground(page))).toBeGreaterThanOrEqual(3);
    expect(parseFloat(await styleOf(create, 'outline-offset'))).toBeGreaterThanOrEqual(2);
    expect(contrast(ring, await styleOf(create, 'background-color'))).toBeGreaterThan(1.5);

    const trigger = page.getByRole('button', { name: /^Actions for / }).first();
    await trigger.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const highlighted = menu.locator('[data-highlighted]');
    await expect(highlighted).toHaveCount(1);
    const fill = await styleOf(highlighted, 'background-color');
    expect(contrast(fill, await styleOf(menu, 'background-color'))).toBeGreaterThanOrEqual(3);
    expect(
      contrast(await styleOf(highlighted, 'color'), fill),
      'the highlighted item stays readable',
    ).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press('Escape');

    // Labels and taints differ in words, not only in colour (spot-burst has both).
    const spot = page
      .getByRole('table', { name: 'Managed node groups' })
      .getByRole('row')
      .filter({ hasText: 'spot-burst' });
    await expect(spot.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveText(
      'labellifecycle=spot',
    );
    await expect(
      spot.getByRole('list', { name: 'Taints' }).getByRole('listitem').first(),
    ).toHaveText(/^taint.+:(NoSchedule|NoExecute|PreferNoSchedule)$/);
  });
}
