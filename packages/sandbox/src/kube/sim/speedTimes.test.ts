import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, waitFor, type Sandbox } from '../../index.ts';
import { accountKeys } from '../../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../../testing/kubeClients.ts';

/**
 * A world that runs faster than the wall clock (speed > 1) still dates what it creates by the
 * calendar, never ahead of it: kubectl shows AGE `<invalid>` for a creation time in the future.
 */

let sandbox: Sandbox;
let access: { endpoint: string; ca: string };
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ speed: 50 });
  const keys = accountKeys(sandbox);
  access = await clusterAccess(sandbox, keys, 'checkout-prod');
  token = await eksBearerToken(keys, { clusterName: 'checkout-prod' });
});
afterAll(() => sandbox.close());

interface Listed {
  metadata: { name: string; namespace?: string; creationTimestamp?: string };
  status?: { startTime?: string; conditions?: Array<{ lastTransitionTime?: string }> };
}
async function list(path: string): Promise<Listed[]> {
  const response = await kubeRequest(access.endpoint, access.ca, token, path);
  expect(response.status, response.body).toBe(200);
  return response.json<{ items: Listed[] }>().items;
}

describe('at speed 50', () => {
  it('dates new pods, replica sets, nodes and events no later than now', async () => {
    const [deployment] = await list('/apis/apps/v1/deployments');
    const { name, namespace } = deployment!.metadata;
    const before = (await list(`/api/v1/namespaces/${namespace}/pods`)).length;
    const scaled = await fetch(
      `${sandbox.endpoint}/_sandbox/clusters/${sandbox.accounts[0]!.id}/us-east-1/checkout-prod/deployments/${namespace}/${name}/scale`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replicas: 8 }),
      },
    );
    expect(scaled.status).toBe(200);
    await waitFor(
      async () => (await list(`/api/v1/namespaces/${namespace}/pods`)).length > before,
      { timeoutMs: 20_000 },
    );
    // Let the fast world run on a while: scheduling, starts, events.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const now = Date.now() + 1_000;
    const future: string[] = [];
    for (const path of [
      '/api/v1/pods',
      '/api/v1/nodes',
      '/api/v1/events',
      '/apis/apps/v1/replicasets',
    ]) {
      for (const item of await list(path)) {
        const times = [
          item.metadata.creationTimestamp,
          item.status?.startTime,
          ...(item.status?.conditions ?? []).map((c) => c.lastTransitionTime),
        ];
        for (const time of times) {
          if (time && Date.parse(time) > now) future.push(`${path} ${item.metadata.name} ${time}`);
        }
      }
    }
    expect(future).toEqual([]);
  });
});
