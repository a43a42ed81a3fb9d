import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../index.ts';
import { accountKeys } from '../../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../../testing/kubeClients.ts';

/** /openapi/v2 and /openapi/v3 of a cluster, read as kubectl reads them. */

let sandbox: Sandbox;
let access: { endpoint: string; ca: string };
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  const keys = accountKeys(sandbox);
  access = await clusterAccess(sandbox, keys, 'checkout-prod');
  token = await eksBearerToken(keys, { clusterName: 'checkout-prod' });
});
afterAll(() => sandbox.close());

const get = (path: string, accept?: string) =>
  kubeRequest(access.endpoint, access.ca, token, path, accept ? { accept } : {});

interface V3Document {
  paths: Record<
    string,
    Record<
      string,
      { 'x-kubernetes-group-version-kind'?: unknown; parameters?: Array<{ name: string }> }
    >
  >;
  components: {
    schemas: Record<
      string,
      { 'x-kubernetes-group-version-kind'?: unknown; properties?: Record<string, unknown> }
    >;
  };
}

describe('OpenAPI', () => {
  it('lists a v3 document per served group version, each with its kinds tagged by group, version and kind', async () => {
    const discovery = await get('/openapi/v3');
    expect(discovery.status).toBe(200);
    const paths = discovery.json<{ paths: Record<string, { serverRelativeURL: string }> }>().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/batch/v1']),
    );
    expect(paths['apis/apps/v1']!.serverRelativeURL).toMatch(
      /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/,
    );

    const apps = await get(paths['apis/apps/v1']!.serverRelativeURL);
    expect(apps.headers['cache-control']).toBe('public, immutable');
    const document = apps.json<V3Document>();
    const deployment = document.components.schemas['io.k8s.api.apps.v1.Deployment']!;
    expect(deployment['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
    expect(Object.keys(deployment.properties!)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ]);
    const patch = document.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!.patch!;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      kind: 'Deployment',
      version: 'v1',
    });
    expect(patch.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['fieldManager', 'fieldValidation', 'force']),
    );

    const core = (await get(paths['api/v1']!.serverRelativeURL)).json<V3Document>();
    const podSpec = core.components.schemas['io.k8s.api.core.v1.PodSpec'] as {
      required?: string[];
    };
    expect(podSpec.required).toEqual(['containers']);
  });

  it('answers JSON v2 to a JSON client and 406 to a protobuf-only one (it writes no protobuf)', async () => {
    const json = await get('/openapi/v2', 'application/json');
    expect(json.status).toBe(200);
    const v2 = json.json<{ swagger: string; definitions: Record<string, unknown> }>();
    expect(v2.swagger).toBe('2.0');
    expect(v2.definitions).toHaveProperty('io.k8s.api.core.v1.Pod');
    const protobuf = await get(
      '/openapi/v2',
      'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
    );
    expect(protobuf.status).toBe(406);
    expect(protobuf.json()).toMatchObject({ kind: 'Status', reason: 'NotAcceptable', code: 406 });
  });

  it('is for authenticated callers only', async () => {
    const anonymous = await kubeRequest(access.endpoint, access.ca, undefined, '/openapi/v3');
    expect(anonymous.status).toBe(401);
  });
});
