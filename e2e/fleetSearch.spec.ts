import { FleetSearch } from './pages/FleetSearch.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

test('an auditor presses Ctrl-K, finds pods by label across the fleet and opens one', async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);

  const search = new FleetSearch(page);
  await search.openWithCtrlK();
  await search.type('app=ledger-cache');
  const pods = search.group('Pods');
  await expect(pods.getByRole('option').first()).toBeVisible();
  // The same app runs in two clusters: the results name both.
  const clusters = new Set(
    (await pods.getByRole('option').locator('span:last-child').allTextContents()).map(
      (where) => where.split(' · ')[0],
    ),
  );
  expect(clusters.size).toBe(2);

  const first = pods.getByRole('option').first();
  const podName = (await first.locator('span').first().textContent())!;
  await first.click();
  await expect(search.dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/pods/[^/]+/${podName}$`));
  await expect(page.getByRole('heading', { level: 1, name: podName })).toBeVisible();
});
