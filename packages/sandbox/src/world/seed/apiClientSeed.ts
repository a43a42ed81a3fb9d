import type { World } from '../world.ts';

/**
 * Clients still calling deprecated Kubernetes APIs, as the audit log of
 * legacy-billing records them: an old monitoring agent and a CI job pinned to
 * an old kubectl keep using FlowSchema v1beta3, which Kubernetes 1.32 removes.
 */
export function seedDeprecatedApiClients(world: World): void {
  const prod = world.accounts[0]!.id;
  const legacy = world.region(prod, 'us-east-1').clusters.get('legacy-billing');
  if (legacy?.kind !== 'eks') return;
  const now = world.now().getTime();
  const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000);
  const usage = '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas';
  legacy.deprecatedApiCalls = [
    {
      usage,
      userAgent: 'datadog-cluster-agent/v1.20.0 (linux/amd64) kubernetes/$Format',
      requestsLast30Days: 8_640,
      lastRequestAt: hoursAgo(0.1),
      resourceUris: [`${usage}/datadog-cluster-agent`],
    },
    {
      usage,
      userAgent: 'kubectl/v1.27.4 (linux/amd64) kubernetes/fa3d799',
      requestsLast30Days: 42,
      lastRequestAt: hoursAgo(26),
      resourceUris: [`${usage}/billing-batch`],
    },
  ];
}
