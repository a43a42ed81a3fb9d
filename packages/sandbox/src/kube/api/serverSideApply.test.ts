import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssociateAccessPolicyCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox } from '../../index.ts';
import { accountKeys, eksClient, stsClient } from '../../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../../testing/kubeClients.ts';

/** Server-side apply through raw HTTPS, as any client sends it. */

let sandbox: Sandbox;
let access: { endpoint: string; ca: string };
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const keys = accountKeys(sandbox);
  await eksClient(sandbox, keys).send(
    new AssociateAccessPolicyCommand({
      clusterName: 'checkout-prod',
      principalArn: (await stsClient(sandbox, keys).send(new GetCallerIdentityCommand({}))).Arn,
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      accessScope: { type: 'cluster' },
    }),
  );
  access = await clusterAccess(sandbox, keys, 'checkout-prod');
  token = await eksBearerToken(keys, { clusterName: 'checkout-prod' });
});
afterAll(() => sandbox.close());

const PATH = '/api/v1/namespaces/default/configmaps/settings';
const apply = (manager: string | undefined, data: Record<string, string>, force = false) =>
  kubeRequest(
    access.endpoint,
    access.ca,
    token,
    `${PATH}?${new URLSearchParams({ ...(manager ? { fieldManager: manager } : {}), ...(force ? { force: 'true' } : {}) }).toString()}`,
    {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data },
    },
  );

interface ConfigMap {
  data?: Record<string, string>;
  metadata: { managedFields?: Array<{ manager: string; operation: string; fieldsV1: unknown }> };
}

describe('server-side apply', () => {
  it('needs a field manager', async () => {
    const response = await apply(undefined, { a: '1' });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({
      reason: 'Invalid',
      message:
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    });
  });

  it('creates, shares equal values, refuses to take a field from another manager unless forced, and drops what a manager stops applying', async () => {
    const created = await apply('alice', { a: '1', b: '2' });
    expect(created.status).toBe(201);
    expect(created.json<ConfigMap>().metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'alice',
        operation: 'Apply',
        fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } },
      }),
    ]);

    expect((await apply('bob', { a: '1' })).status).toBe(200);
    const conflict = await apply('bob', { b: '3' });
    expect(conflict.status).toBe(409);
    expect(conflict.json()).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "alice" using v1: .data.b',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "alice" using v1',
            field: '.data.b',
          },
        ],
      },
    });

    const forced = await apply('bob', { b: '3' }, true);
    expect(forced.status).toBe(200);
    // bob no longer applies a, but alice still owns it: it stays.
    expect(forced.json<ConfigMap>().data).toEqual({ a: '1', b: '3' });

    const alice = await apply('alice', { c: '4' });
    expect(alice.status).toBe(200);
    // alice dropped a (hers alone now) and b (bob's since the force): a goes, b stays.
    expect(alice.json<ConfigMap>().data).toEqual({ b: '3', c: '4' });
  });
});
