import type { AwsExchange, SandboxOptions } from '@wheelhouse/sandbox';
import { startWheelhouse, type Wheelhouse } from '../server.ts';
import { ConsoleClient } from './consoleClient.ts';

export const TEST_PASSWORD = 'integration-test-password';

/** A console on its embedded sandbox, listening on a free loopback port, with an in-memory database. */
export async function startConsoleOnSandbox(
  sandbox: SandboxOptions = {},
  env: Record<string, string> = {},
): Promise<
  Wheelhouse & {
    exchanges: AwsExchange[];
    signIn(user: 'admin' | 'operator' | 'auditor'): Promise<ConsoleClient>;
  }
> {
  const wheelhouse = await startWheelhouse({
    env: {
      WHEELHOUSE_BACKEND: 'sandbox',
      WHEELHOUSE_PORT: '0',
      WHEELHOUSE_DATA_DIR: ':memory:',
      WHEELHOUSE_DEMO_PASSWORD: TEST_PASSWORD,
      WHEELHOUSE_LOG_LEVEL: 'silent',
      WHEELHOUSE_CACHE_TTL: '0',
      ...env,
    },
    sandbox: { faults: [], ...sandbox },
  });
  // Every AWS answer the sandbox gives, so tests can count calls and see throttles.
  const exchanges: AwsExchange[] = [];
  wheelhouse.sandbox!.observe((exchange) => exchanges.push(exchange));
  return Object.assign(wheelhouse, {
    exchanges,
    async signIn(user: 'admin' | 'operator' | 'auditor') {
      const client = new ConsoleClient(wheelhouse.url);
      await client.signIn(user, TEST_PASSWORD);
      return client;
    },
  });
}
