import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWheelhouse, type Wheelhouse } from '../server.ts';
import { ConsoleClient } from '../testing/consoleClient.ts';

const PASSWORD = 'session-limits-password';
const MINUTE = 60_000;
// The session store's clock; the test moves it instead of waiting.
let clock = Date.now();
let c: Wheelhouse;
beforeAll(async () => {
  c = await startWheelhouse({
    env: {
      WHEELHOUSE_BACKEND: 'sandbox',
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: ':memory:',
      WHEELHOUSE_DEMO_PASSWORD: PASSWORD,
      WHEELHOUSE_LOG_LEVEL: 'silent',
      WHEELHOUSE_SESSION_IDLE: '10m',
      WHEELHOUSE_SESSION_MAX: '1h',
    },
    sandbox: { world: 'empty', faults: [] },
    sessionClock: () => clock,
  });
});
afterAll(() => c.close());

async function signedIn(): Promise<ConsoleClient> {
  const client = new ConsoleClient(c.url);
  await client.signIn('operator', PASSWORD);
  return client;
}
const status = async (client: ConsoleClient) =>
  (await client.request('GET', '/api/session')).status;

describe('session limits, enforced by the BFF', () => {
  it('ends a session unused for WHEELHOUSE_SESSION_IDLE, and keeps one in use', async () => {
    const idle = await signedIn();
    const busy = await signedIn();
    clock += 9 * MINUTE;
    expect(await status(busy)).toBe(200);
    clock += 2 * MINUTE;
    expect(await status(idle)).toBe(401);
    expect(await status(busy)).toBe(200);
  });

  it('ends even a busy session WHEELHOUSE_SESSION_MAX after sign-in', async () => {
    const busy = await signedIn();
    for (let minute = 9; minute < 60; minute += 9) {
      clock += 9 * MINUTE;
      expect(await status(busy), `after ${minute} minutes`).toBe(200);
    }
    clock += 9 * MINUTE;
    expect(await status(busy)).toBe(401);
  });
});
