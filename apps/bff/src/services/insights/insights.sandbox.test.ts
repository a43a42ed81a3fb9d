import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterInsights, FleetInsights } from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const HOME = '123456789012';
const insightsOf = (name: string, region = 'us-east-1') =>
  auditor.json<ClusterInsights>(`/api/clusters/${HOME}/${region}/${name}/insights`);

beforeAll(async () => {
  c = await startConsoleOnSandbox();
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

describe('EKS insights and upgrade readiness against the sandbox, through the real SDK', () => {
  // First, before any answer is cached: the fleet read while one region refuses ListInsights.
  it('lists a region whose insights cannot be read in errors, never blanking the others', async () => {
    c.sandbox!.faults.add({
      service: 'eks',
      operation: 'ListInsights',
      region: 'eu-west-1',
      errorCode: 'AccessDeniedException',
      errorStatus: 403,
      errorMessage: 'User is not authorized to perform: eks:ListInsights',
    });
    try {
      const fleet = await auditor.json<FleetInsights>('/api/insights');
      expect(fleet.errors).toContainEqual(
        expect.objectContaining({
          region: 'eu-west-1',
          cluster: 'checkout-eu',
          code: 'AccessDeniedException',
          message: 'EKS insights: User is not authorized to perform: eks:ListInsights',
        }),
      );
      // Unread facts are no green light, but the row stays; us-east-1 is judged as usual.
      expect(fleet.items.find((row) => row.cluster === 'dev-eu')?.canUpgrade).toBe(false);
      expect(fleet.items.find((row) => row.cluster === 'checkout-prod')?.canUpgrade).toBe(true);
      expect(fleet.errors.every((error) => error.region === 'eu-west-1')).toBe(true);
    } finally {
      c.sandbox!.faults.clear();
    }
  });

  it('shows the clients still calling a removed API on legacy-billing, which is blocked', async () => {
    const legacy = await insightsOf('legacy-billing');
    expect(legacy.errors).toEqual([]);
    const removal = legacy.items.find(
      (item) => item.name === 'Deprecated APIs removed in Kubernetes v1.32',
    );
    expect(removal).toMatchObject({ category: 'UPGRADE_READINESS', status: 'WARNING' });
    const [flowschemas] = removal!.deprecations!;
    expect(flowschemas).toMatchObject({
      usage: '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas',
      replacedWith: '/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas',
      stopServingVersion: '1.32',
    });
    expect(flowschemas!.clients.map((client) => client.userAgent)).toEqual([
      'datadog-cluster-agent/v1.20.0 (linux/amd64) kubernetes/$Format',
      'kubectl/v1.27.4 (linux/amd64) kubernetes/fa3d799',
    ]);
    expect(flowschemas!.clients[0]!.lastRequestTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(removal!.resources?.map((resource) => resource.kubernetesResourceUri)).toContain(
      '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/datadog-cluster-agent',
    );
    // The DEGRADED node group is a configuration insight.
    expect(legacy.items.find((item) => item.category === 'MISCONFIGURATION')).toMatchObject({
      name: 'Cluster health issues',
      status: 'ERROR',
    });

    const { readiness } = legacy;
    expect(readiness).toMatchObject({
      currentVersion: '1.30',
      nextVersion: '1.31',
      canUpgrade: false,
      supportStatus: 'UNSUPPORTED',
      endOfExtendedSupport: '2026-07-23T00:00:00.000Z',
    });
    expect(readiness.blockers).toContainEqual({
      source: 'addon',
      title: 'Add-on coredns v1.11.1-eksbuild.9 does not run on 1.31',
      detail: 'Update it to v1.11.3-eksbuild.2 (runs on 1.31) first.',
    });
    expect(readiness.blockers).toContainEqual(
      expect.objectContaining({
        source: 'insight',
        title: 'Amazon EKS add-on version compatibility',
      }),
    );
    expect(readiness.nodegroupSkew).toEqual([
      { nodegroup: 'legacy-ng', version: '1.30', behind: 1, tooFar: false },
    ]);
    // kube-proxy trails the control plane by the skew policy: updated after, not a blocker.
    expect(readiness.addonCompatibility.find((addon) => addon.name === 'kube-proxy')).toMatchObject(
      { compatible: true, updateAfterUpgrade: true },
    );
  });

  it('lets a clean cluster move to the next version today', async () => {
    const checkout = await insightsOf('checkout-prod');
    expect(checkout.errors).toEqual([]);
    expect(checkout.readiness).toMatchObject({
      currentVersion: '1.34',
      nextVersion: '1.35',
      canUpgrade: true,
      blockers: [],
    });
    expect(checkout.items.filter((item) => item.status !== 'PASSING')).toEqual([]);
    expect(checkout.readiness.addonCompatibility.every((addon) => addon.compatible)).toBe(true);
  });

  it('answers one row per EKS cluster of the fleet: who can upgrade, who is blocked and by what', async () => {
    const fleet = await auditor.json<FleetInsights>('/api/insights');
    expect(fleet.errors).toEqual([]);
    const row = (name: string) => fleet.items.find((item) => item.cluster === name);
    expect(row('legacy-billing')).toMatchObject({
      version: '1.30',
      nextVersion: '1.31',
      canUpgrade: false,
      counts: { WARNING: 1, ERROR: 2 },
    });
    expect(row('legacy-billing')!.blockers.map((blocker) => blocker.title)).toContain(
      'Add-on coredns v1.11.1-eksbuild.9 does not run on 1.31',
    );
    expect(row('checkout-prod')).toMatchObject({
      canUpgrade: true,
      blockers: [],
      nextVersion: '1.35',
    });
    // The newest version has nowhere to go; connected clusters have no EKS insights.
    expect(row('dev-sandbox')).toMatchObject({
      canUpgrade: false,
      blockers: [expect.objectContaining({ source: 'version', title: 'No newer version' })],
    });
    expect(row('gke-analytics')).toBeUndefined();
    expect(fleet.items.filter((item) => item.canUpgrade).length).toBeGreaterThan(0);
  });

  it('refuses a cluster reference that is not one', async () => {
    const response = await auditor.request('GET', `/api/clusters/${HOME}/mars-east-1/x/insights`);
    expect(response.status).toBe(400);
  });
});
