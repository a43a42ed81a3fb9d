import type { Nodegroup as EksNodegroup } from '@aws-sdk/client-eks';
import pLimit, { type Limit } from 'p-limit';
import {
  supportStanding,
  type ClusterSummary,
  type FleetDashboard,
  type SourceError,
} from '@wheelhouse/contract';
import type { AwsGateway } from '../upstream/awsGateway.ts';
import { createTtlCache } from '../upstream/ttlCache.ts';
import { sourceError } from './fanOut.ts';
import type { InventoryService } from './inventory.ts';

/** Pods not Running/Ready per cluster, from the clusters' Kubernetes APIs (provided by the workloads service). */
export type PodHealthProvider = (
  clusters: ClusterSummary[],
) => Promise<{ items: FleetDashboard['pods']; errors: SourceError[] }>;

export interface DashboardOptions {
  regionConcurrency: number;
  cacheTtlMs: number;
  now?: () => Date;
  podHealth?: PodHealthProvider;
}

/** The fleet at a glance: counts, support deadlines, node groups and updates needing attention. */
export function createDashboardService(
  aws: AwsGateway,
  inventory: InventoryService,
  options: DashboardOptions,
) {
  const cache = createTtlCache<FleetDashboard>(options.cacheTtlMs, Date.now, 'dashboard');
  const now = options.now ?? (() => new Date());

  function versionSupport(items: ClusterSummary[]): FleetDashboard['versionSupport'] {
    const today = now();
    return items
      .filter((c) => c.version && !c.connected)
      .flatMap((c) => {
        const { status, endOfStandardSupport, endOfExtendedSupport } = c.versionSupport;
        // The clusters list words and colours versions with the same computation.
        const { flagged, daysLeft } = supportStanding(c.versionSupport, today);
        if (!flagged) return [];
        return [
          {
            accountId: c.accountId,
            region: c.region,
            name: c.name,
            version: c.version!,
            status,
            ...(endOfStandardSupport ? { endOfStandardSupport } : {}),
            ...(endOfExtendedSupport ? { endOfExtendedSupport } : {}),
            ...(daysLeft !== undefined ? { daysLeft } : {}),
          },
        ];
      })
      .sort((a, b) => (a.daysLeft ?? -Infinity) - (b.daysLeft ?? -Infinity));
  }

  async function build(): Promise<FleetDashboard> {
    const list = await inventory.listClusters();
    const errors: SourceError[] = [...list.errors];
    const byStatus: Record<string, number> = {};
    const byVersion: Record<string, number> = {};
    for (const cluster of list.items) {
      byStatus[cluster.status] = (byStatus[cluster.status] ?? 0) + 1;
      if (cluster.version && !cluster.connected)
        byVersion[cluster.version] = (byVersion[cluster.version] ?? 0) + 1;
    }

    const limits = new Map<string, Limit>();
    const limitOf = (c: ClusterSummary) => {
      const key = `${c.accountId}|${c.region}`;
      let limit = limits.get(key);
      if (!limit) limits.set(key, (limit = pLimit(options.regionConcurrency)));
      return limit;
    };

    const nodegroups: FleetDashboard['nodegroups'] = [];
    const updatesInProgress: FleetDashboard['updatesInProgress'] = [];
    const live = list.items.filter(
      (c) => !c.connected && (c.status === 'ACTIVE' || c.status === 'UPDATING'),
    );

    await Promise.all(
      live.map(async (cluster) => {
        const where = {
          accountId: cluster.accountId,
          region: cluster.region,
          cluster: cluster.name,
        };
        try {
          const account = await aws.findAccount(cluster.accountId);
          const eks = aws.eks({ account, region: cluster.region });
          const limit = limitOf(cluster);
          const inProgress = async (nodegroupName?: string) => {
            const scope = { name: cluster.name, ...(nodegroupName ? { nodegroupName } : {}) };
            const ids = await limit(() => eks.updateIds(scope));
            // Described side by side (each within the account's bound), not one after another.
            const described = await Promise.all(
              ids.map((updateId) => limit(() => eks.describeUpdate(scope, updateId))),
            );
            for (const update of described) {
              if (update?.status === 'InProgress') {
                updatesInProgress.push({
                  ...where,
                  ...(nodegroupName ? { nodegroup: nodegroupName } : {}),
                  id: update.id ?? '',
                  type: update.type ?? 'Unknown',
                  ...(update.createdAt ? { createdAt: update.createdAt.toISOString() } : {}),
                });
              }
            }
          };
          const clusterUpdates = cluster.status === 'UPDATING' ? inProgress() : Promise.resolve();
          const names = await limit(() => eks.nodegroupNames(cluster.name));
          const described = await Promise.all(
            names.map((name) => limit(() => eks.describeNodegroup(cluster.name, name))),
          );
          const attention = described.filter(
            (ng): ng is EksNodegroup =>
              !!ng && (ng.status !== 'ACTIVE' || (ng.health?.issues?.length ?? 0) > 0),
          );
          for (const ng of attention) {
            nodegroups.push({
              ...where,
              name: ng.nodegroupName ?? '',
              status: ng.status ?? 'UNKNOWN',
              issues: ng.health?.issues?.length ?? 0,
            });
          }
          await Promise.all([
            clusterUpdates,
            ...attention
              .filter((ng) => ng.status === 'UPDATING')
              .map((ng) => inProgress(ng.nodegroupName)),
          ]);
        } catch (error) {
          errors.push(sourceError(error, where));
        }
      }),
    );

    const pods = options.podHealth ? await options.podHealth(live) : { items: [], errors: [] };
    errors.push(...pods.errors);
    const byName = <T extends { cluster?: string; name?: string }>(a: T, b: T) =>
      (a.cluster ?? a.name ?? '').localeCompare(b.cluster ?? b.name ?? '');

    return {
      generatedAt: now().toISOString(),
      clusters: { total: list.items.length, byStatus, byVersion },
      versionSupport: versionSupport(list.items),
      nodegroups: nodegroups.sort(byName),
      pods: pods.items.filter((p) => p.notReady > 0).sort((a, b) => b.notReady - a.notReady),
      updatesInProgress: updatesInProgress.sort(byName),
      connectedPending: list.items
        .filter((c) => c.connected && c.status === 'PENDING')
        .map((c) => ({
          accountId: c.accountId,
          region: c.region,
          name: c.name,
          ...(c.activationExpiry ? { activationExpiry: c.activationExpiry } : {}),
        })),
      errors,
    };
  }

  return {
    get: (): Promise<FleetDashboard> => cache.get('fleet', build),
    invalidate: () => cache.invalidate(),
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
