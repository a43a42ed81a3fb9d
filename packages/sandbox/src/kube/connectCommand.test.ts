import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../index.ts';
import { parseConnectArgs } from './connectCommand.ts';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli.ts');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

function cli(
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        env: {
          ...process.env,
          WHEELHOUSE_SANDBOX_PORT: new URL(sandbox.endpoint).port,
          ...extraEnv,
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run sandbox -- connect', () => {
  it('reads its arguments', () => {
    expect(parseConnectArgs(['aks-partner', '--region', 'eu-west-1'])).toEqual({
      name: 'aks-partner',
      region: 'eu-west-1',
    });
    expect(() => parseConnectArgs([])).toThrow(/usage: npm run sandbox -- connect/);
    expect(() => parseConnectArgs(['a', '--region'])).toThrow(/--region needs a value/);
    expect(parseConnectArgs(['a', '--endpoint', 'http://127.0.0.1:39113/'])).toEqual({
      name: 'a',
      endpoint: 'http://127.0.0.1:39113',
    });
    expect(() => parseConnectArgs(['a', '--endpoint', 'localhost'])).toThrow(
      /--endpoint must be a URL such as http:\/\/127.0.0.1:4510/,
    );
  });

  it('reaches the sandbox named by --endpoint, whatever WHEELHOUSE_SANDBOX_PORT says', async () => {
    const result = await cli(['connect', 'nope', '--endpoint', sandbox.endpoint], {
      WHEELHOUSE_SANDBOX_PORT: '9',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sandbox connect failed: No registered cluster nope here\./);
  });

  it('connects a PENDING registration of the running sandbox, found by name, and refuses it the second time', async () => {
    const first = await cli(['connect', 'aks-partner']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^aks-partner \(210987654321 eu-west-1\) is ACTIVE: its Kubernetes API serves at https:\/\/127\.0\.0\.1:\d+\n$/,
    );
    expect(
      sandbox.world.region('210987654321', 'eu-west-1').clusters.get('aks-partner')?.status,
    ).toBe('ACTIVE');
    const again = await cli(['connect', 'aks-partner', '--account', '210987654321']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('sandbox connect failed: aks-partner is ACTIVE, not PENDING.\n');
  });
});
