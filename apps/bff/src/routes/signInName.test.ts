import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Problem } from '@wheelhouse/contract';
import { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox({ world: 'empty' });
});
afterAll(() => c.close());

async function failedSignIns() {
  const admin = await c.signIn('admin');
  return (await admin.json<AuditPage>('/api/audit?action=session.signin&outcome=failure')).items;
}

describe('sign-in with a user name no user can have', () => {
  it('is refused as a failed sign-in and audited with the name escaped and cut to 32 characters', async () => {
    const name = '<img src=x onerror=alert(1)>\r\n=HYPERLINK("http://evil.example")';
    const response = await new ConsoleClient(c.url).request('POST', '/api/session', {
      username: name,
      password: 'whatever',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Problem).detail).toBe('Wrong user name or password.');
    const [entry] = await failedSignIns();
    expect(entry!.user).toBe(
      '\\u003cimg\\u0020src\\u003dx\\u0020onerror\\u003dalert\\u00281\\u0029\\u003e\\u000d\\u000a\\u003dH…',
    );
    expect(entry!.error).toMatch(/^user name outside the rule/);
    expect(entry!.user).not.toMatch(/[<>\r\n=]/);
  });

  it('leaves names inside the rule as they are (unknown ones too)', async () => {
    const response = await new ConsoleClient(c.url).request('POST', '/api/session', {
      username: 'nosuchuser7',
      password: 'wrong',
    });
    expect(response.status).toBe(401);
    const [entry] = await failedSignIns();
    expect(entry).toMatchObject({ user: 'nosuchuser7', error: 'wrong user name or password' });
  });
});
