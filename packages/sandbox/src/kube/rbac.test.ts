import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateAccessEntryCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox } from '../index.ts';
import { accountKeys, eksClient, stsClient, type TestCredentials } from '../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../testing/kubeClients.ts';

/** Impersonation and RBAC on seeded clusters, through raw HTTPS with the console's token. */

let sandbox: Sandbox;
let home: TestCredentials;
const access: Record<string, { endpoint: string; ca: string; token: string }> = {};

beforeAll(async () => {
  sandbox = await startSandbox();
  home = accountKeys(sandbox);
  for (const [name, region] of [
    ['ml-training', 'eu-west-1'],
    ['search-prod', 'us-east-1'],
    ['edge-apac', 'ap-southeast-2'],
  ] as const) {
    const where = await clusterAccess(sandbox, home, name, region);
    access[name] = { ...where, token: await eksBearerToken(home, { clusterName: name, region }) };
  }
});
afterAll(() => sandbox.close());

function as(cluster: string, user: string, groups: string[]) {
  const target = access[cluster]!;
  const headers = { 'impersonate-user': user, 'impersonate-group': groups };
  return {
    get: (path: string) => kubeRequest(target.endpoint, target.ca, target.token, path, { headers }),
    canI: async (resourceAttributes: Record<string, string>) => {
      const response = await kubeRequest(
        target.endpoint,
        target.ca,
        target.token,
        '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        {
          method: 'POST',
          headers,
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes },
          },
        },
      );
      expect(response.status, response.body).toBe(201);
      return response.json<{ status: { allowed: boolean } }>().status.allowed;
    },
  };
}

describe('impersonation with the console token', () => {
  it('lists pods as the impersonated operator, and refuses the namespace hidden from operators with the API server words', async () => {
    const alice = as('ml-training', 'alice', ['platform-operators']);
    const notebooks = await alice.get('/api/v1/namespaces/notebooks/pods');
    expect(notebooks.status, notebooks.body).toBe(200);
    expect(notebooks.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    const hidden = await alice.get('/api/v1/namespaces/training/pods');
    expect(hidden.status).toBe(403);
    expect(hidden.json()).toMatchObject({
      reason: 'Forbidden',
      message:
        'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "training"',
    });
    // Bound namespace by namespace, so no list across all of them either.
    expect((await alice.get('/api/v1/pods')).status).toBe(403);
    const carol = as('ml-training', 'carol', ['wheelhouse-admins']);
    const training = await carol.get('/api/v1/namespaces/training/pods');
    expect(training.status, training.body).toBe(200);
    expect(training.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it('lets the seeded roles read pod metrics (metrics.k8s.io) where they read pods, as the aggregated metrics reader does on EKS', async () => {
    const alice = as('ml-training', 'alice', ['platform-operators']);
    const notebooks = await alice.get('/apis/metrics.k8s.io/v1beta1/namespaces/notebooks/pods');
    expect(notebooks.status, notebooks.body).toBe(200);
    expect(notebooks.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    const hidden = await alice.get('/apis/metrics.k8s.io/v1beta1/namespaces/training/pods');
    expect(hidden.status).toBe(403);
    const nobody = as('search-prod', 'mallory', ['contractors']);
    expect((await nobody.get('/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(403);
  });

  it('answers SelfSubjectAccessReview as the impersonated user: auditors read all but secrets, local roles by their wheelhouse:<role> group', async () => {
    const bob = as('search-prod', 'bob', ['security-auditors']);
    expect(await bob.canI({ verb: 'list', resource: 'pods', namespace: 'search' })).toBe(true);
    expect(await bob.canI({ verb: 'list', resource: 'nodes' })).toBe(true);
    expect(await bob.canI({ verb: 'list', resource: 'secrets', namespace: 'search' })).toBe(false);
    expect(await bob.canI({ verb: 'delete', resource: 'pods', namespace: 'search' })).toBe(false);
    const auditor = as('search-prod', 'auditor', ['wheelhouse:auditor']);
    expect(await auditor.canI({ verb: 'get', resource: 'secrets', namespace: 'search' })).toBe(
      false,
    );
    const operator = as('ml-training', 'operator', ['wheelhouse:operator']);
    expect(await operator.canI({ verb: 'list', resource: 'pods', namespace: 'training' })).toBe(
      false,
    );
    expect(await operator.canI({ verb: 'delete', resource: 'pods', namespace: 'notebooks' })).toBe(
      true,
    );
    // Someone in no seeded group gets nothing from RBAC, and no EKS access policy of the console.
    const nobody = as('search-prod', 'mallory', ['contractors']);
    expect(await nobody.canI({ verb: 'list', resource: 'pods', namespace: 'search' })).toBe(false);
    expect((await nobody.get('/api/v1/namespaces/search/pods')).status).toBe(403);
  });

  it('serves the RBAC objects as rbac.authorization.k8s.io/v1 lists', async () => {
    const carol = as('search-prod', 'carol', ['wheelhouse-admins']);
    const roles = await carol.get('/apis/rbac.authorization.k8s.io/v1/clusterroles');
    expect(roles.status, roles.body).toBe(200);
    const names = roles.json<{ kind: string; items: { metadata: { name: string } }[] }>();
    expect(names.kind).toBe('ClusterRoleList');
    expect(names.items.map((role) => role.metadata.name)).toEqual(
      expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view']),
    );
    const bindings = await carol.get('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings');
    expect(
      bindings
        .json<{ items: { metadata: { name: string }; subjects: { name: string }[] }[] }>()
        .items.find((binding) => binding.metadata.name === 'wheelhouse-auditors')?.subjects,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'security-auditors' })]));
  });

  it('refuses impersonation to a caller whose access entry lacks the console group, as the API server words it', async () => {
    const arn = (await stsClient(sandbox, home).send(new GetCallerIdentityCommand({}))).Arn!;
    await eksClient(sandbox, home, 'ap-southeast-2').send(
      new UpdateAccessEntryCommand({
        clusterName: 'edge-apac',
        principalArn: arn,
        kubernetesGroups: [],
      }),
    );
    const response = await as('edge-apac', 'alice', ['platform-operators']).get(
      '/api/v1/namespaces/default/pods',
    );
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({
      reason: 'Forbidden',
      message: `users "alice" is forbidden: User "${arn}" cannot impersonate resource "users" in API group "" at the cluster scope`,
    });
  });
});
