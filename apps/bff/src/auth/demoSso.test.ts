import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '@wheelhouse/contract';
import { TEST_PASSWORD, startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';
import { OidcTestBrowser } from '../testing/oidcBrowser.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

describe("the sandbox's demo SSO", () => {
  it('runs a provider on loopback with one demo user per demo group', () => {
    expect(new URL(c.demoSso!.issuer).hostname).toBe('127.0.0.1');
    expect(c.demoSso!.users.flatMap((user) => user.groups).sort()).toEqual([
      'platform-operators',
      'security-auditors',
      'wheelhouse-admins',
    ]);
  });

  it.each([
    ['wheelhouse-admins', 'admin'],
    ['platform-operators', 'operator'],
    ['security-auditors', 'auditor'],
  ] as const)('signs a member of %s in as %s with the demo password', async (group, role) => {
    const { username } = c.demoSso!.users.find((user) => user.groups.includes(group))!;
    const browser = new OidcTestBrowser();
    const callback = await browser.throughProvider(c.url, c.demoSso!.issuer, {
      username,
      password: TEST_PASSWORD,
    });
    await browser.request(callback);
    const me = (await (
      await browser.request(new URL('/api/session', c.url))
    ).json()) as SessionInfo;
    expect(me).toMatchObject({ user: username, role, groups: [group], authMethod: 'oidc' });
  });
});
