import type { Addon, AddonInfo } from '@aws-sdk/client-eks';
import pLimit from 'p-limit';
import type {
  ClusterAddons,
  ClusterDetail,
  ClusterRef,
  ClusterSummary,
  FleetAddon,
  FleetAddons,
  InstalledAddon,
  SourceError,
} from '@wheelhouse/contract';
import type { AccountRegion, AwsGateway } from '../../upstream/awsGateway.ts';
import { createTtlCache } from '../../upstream/ttlCache.ts';
import { sourceError } from '../fanOut.ts';
import { buildsFor, standingOf } from './addonVersions.ts';

export interface AddonsInventory {
  listClusters(): Promise<{ items: ClusterSummary[]; errors: SourceError[] }>;
  getCluster(ref: ClusterRef): Promise<ClusterDetail>;
}

export interface AddonsOptions {
  /** Clusters read at once per account and region. */
  concurrency: number;
  cacheTtlMs: number;
  now?: () => Date;
}

function installedOf(
  addon: Addon,
  info: AddonInfo | undefined,
  kubernetesVersion: string | undefined,
): InstalledAddon {
  const version = addon.addonVersion ?? '';
  return {
    name: addon.addonName ?? '',
    version,
    status: addon.status ?? 'ACTIVE',
    issues: (addon.health?.issues ?? []).map((issue) => ({
      code: issue.code ?? 'Unknown',
      message: issue.message ?? '',
      resourceIds: issue.resourceIds ?? [],
    })),
    ...(addon.addonArn ? { arn: addon.addonArn } : {}),
    ...(addon.modifiedAt ? { modifiedAt: addon.modifiedAt.toISOString() } : {}),
    ...(addon.serviceAccountRoleArn ? { serviceAccountRoleArn: addon.serviceAccountRoleArn } : {}),
    ...(addon.configurationValues ? { configurationValues: addon.configurationValues } : {}),
    ...standingOf(version, info, kubernetesVersion),
  };
}

/**
 * Installed EKS add-ons per cluster and fleet-wide, measured against the catalogue for each
 * cluster's Kubernetes version. A cluster that cannot be read is named in `errors`.
 */
export function createAddonsService(
  aws: AwsGateway,
  inventory: AddonsInventory,
  options: AddonsOptions,
) {
  const now = options.now ?? (() => new Date());
  // The catalogue changes rarely and is the same for every cluster of a version: one read per region.
  const catalogueCache = createTtlCache<AddonInfo[]>(
    Math.max(options.cacheTtlMs, 60_000),
    Date.now,
    'addon-catalogue',
  );
  const fleetCache = createTtlCache<FleetAddons>(options.cacheTtlMs, Date.now, 'addons-fleet');

  const catalogue = (at: AccountRegion, kubernetesVersion: string) =>
    catalogueCache.get(`${at.account.key}|${at.region}|${kubernetesVersion}`, () =>
      aws.eks(at).addonVersions(kubernetesVersion),
    );

  async function read(
    ref: ClusterRef,
    kubernetesVersion: string | undefined,
  ): Promise<{ items: InstalledAddon[]; catalogue: AddonInfo[] }> {
    const at = await aws.locate(ref.accountId, ref.region);
    const eks = aws.eks(at);
    const [names, infos] = await Promise.all([
      eks.addonNames(ref.name),
      kubernetesVersion ? catalogue(at, kubernetesVersion) : Promise.resolve([]),
    ]);
    const limit = pLimit(4);
    const addons = await Promise.all(
      names.map((name) => limit(() => eks.describeAddon(ref.name, name))),
    );
    const items = addons
      .filter((addon): addon is Addon => addon !== undefined)
      .map((addon) =>
        installedOf(
          addon,
          infos.find((info) => info.addonName === addon.addonName),
          kubernetesVersion,
        ),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    return { items, catalogue: infos };
  }

  async function fleetReport(): Promise<FleetAddons> {
    const clusters = await inventory.listClusters();
    const errors: SourceError[] = [...clusters.errors];
    const limits = new Map<string, ReturnType<typeof pLimit>>();
    const limitOf = (cluster: ClusterSummary) => {
      const key = `${cluster.accountId}|${cluster.region}`;
      let limit = limits.get(key);
      if (!limit) limits.set(key, (limit = pLimit(options.concurrency)));
      return limit;
    };
    // Connected clusters have no EKS add-ons; clusters still being created or deleted answer nothing useful.
    const eligible = clusters.items.filter(
      (cluster) =>
        !cluster.connected && cluster.status !== 'CREATING' && cluster.status !== 'DELETING',
    );
    const parts = await Promise.all(
      eligible.map((cluster) =>
        limitOf(cluster)(async (): Promise<FleetAddon[]> => {
          const where = {
            accountId: cluster.accountId,
            region: cluster.region,
            cluster: cluster.name,
          };
          try {
            const { items } = await read(
              { accountId: cluster.accountId, region: cluster.region, name: cluster.name },
              cluster.version,
            );
            return items.map((item) => ({
              ...item,
              ...where,
              ...(cluster.version ? { kubernetesVersion: cluster.version } : {}),
            }));
          } catch (error) {
            const failed = sourceError(error, where);
            errors.push({ ...failed, message: `EKS add-ons: ${failed.message}` });
            return [];
          }
        }),
      ),
    );
    const items = parts.flat();
    const names = [...new Set(items.map((item) => item.name))].sort();
    return {
      items,
      drift: names.map((name) => {
        const of = items.filter((item) => item.name === name);
        return {
          name,
          clusters: of.length,
          behindDefault: of.filter((item) => item.behindDefault).length,
          behindLatest: of.filter((item) => item.updateAvailable).length,
          unhealthy: of.filter((item) => item.status === 'DEGRADED' || item.issues.length > 0)
            .length,
        };
      }),
      errors,
      generatedAt: now().toISOString(),
    };
  }

  return {
    async cluster(ref: ClusterRef): Promise<ClusterAddons> {
      const detail = await inventory.getCluster(ref);
      const base = {
        accountId: ref.accountId,
        region: ref.region,
        cluster: ref.name,
        ...(detail.version ? { kubernetesVersion: detail.version } : {}),
      };
      if (detail.connected) return { ...base, items: [], available: [], errors: [] };
      const { items, catalogue: infos } = await read(ref, detail.version);
      const installed = new Set(items.map((item) => item.name));
      const available = infos
        .filter((info) => info.addonName && !installed.has(info.addonName))
        .map((info) => {
          const builds = buildsFor(info, detail.version ?? '');
          return {
            name: info.addonName!,
            ...(info.type ? { type: info.type } : {}),
            ...(builds.defaultVersion ? { defaultVersion: builds.defaultVersion } : {}),
            versions: builds.versions,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      return { ...base, items, available, errors: [] };
    },
    fleet: (): Promise<FleetAddons> => fleetCache.get('fleet', fleetReport),
    invalidate: () => fleetCache.invalidate(),
  };
}
export type AddonsService = ReturnType<typeof createAddonsService>;
