import { PodPage } from './pages/PodPage.ts';
import { ResourcesTab } from './pages/ResourcesTab.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const CHECKOUT = { accountId: '123456789012', region: 'us-east-1', name: 'checkout-prod' };
// RFC 3339 with nanoseconds, as Kubernetes prefixes lines with timestamps=true.
const STAMPED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /;

test("an auditor reads a pod's log in its own tab, searches it and turns timestamps on", async ({
  page,
  password,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  const resources = new ResourcesTab(page);
  await resources.openPods(CHECKOUT, { ns: 'payments', phase: 'Running' });
  await resources.pods.getByRole('row').nth(1).getByRole('link').first().click();

  const pod = new PodPage(page);
  await pod.openLogs();
  await expect.poll(async () => (await pod.lines()).length).toBeGreaterThan(2);
  const lines = await pod.lines();
  expect(lines[0]).not.toMatch(STAMPED);

  // A word from the log's own text: every line of it is found and counted.
  const word = lines[0]!.match(/[A-Za-z]{4,}/)![0];
  const expected = lines.join('\n').match(new RegExp(word, 'gi'))!.length;
  await pod.searchFor(word);
  await expect(pod.matchCount).toHaveText(
    `1 of ${expected} ${expected === 1 ? 'match' : 'matches'}`,
  );
  await expect(pod.log.locator('mark')).toHaveCount(expected);
  await expect(pod.log.locator('mark[data-current]')).toHaveText(new RegExp(word, 'i'));
  if (expected > 1) {
    await pod.nextMatch();
    await expect(pod.matchCount).toHaveText(`2 of ${expected} matches`);
  }

  await pod.setTimestamps(true);
  await expect.poll(async () => (await pod.lines())[0] ?? '').toMatch(STAMPED);
  for (const line of await pod.lines()) expect(line).toMatch(STAMPED);
});
