import {
  DescribeClusterCommand,
  paginateDescribeClusterVersions,
  paginateListClusters,
  type Cluster,
  type ClusterVersionInformation,
} from '@aws-sdk/client-eks';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { ClusterDetail, ClusterList, ClusterRef, ClusterSummary } from '@wheelhouse/contract';
import { NotFoundError } from '../errors.ts';
import type { AccountTarget, AwsClients } from '../upstream/awsClients.ts';
import { fromAwsError } from '../upstream/awsErrors.ts';
import { createTtlCache } from '../upstream/ttlCache.ts';
import {
  toClusterDetail,
  toClusterSummary,
  versionSupportOf,
  type ClusterSource,
} from './clusterMapping.ts';
import { mergeResults, sourceError, type SourceResult } from './fanOut.ts';
import { assertReadRegion } from '../upstream/regions.ts';

export interface InventoryOptions {
  regions: string[];
  /** DescribeCluster calls in flight at once per account and region. */
  regionConcurrency: number;
  /** Account/region pairs read at once; bounds sockets and memory for very large fleets. */
  sourceConcurrency?: number;
  cacheTtlMs: number;
  logger: Logger;
}

type VersionCatalog = Map<string, ClusterVersionInformation>;
const VERSION_CATALOG_TTL_MS = 60 * 60 * 1000;
const DETAIL_TTL_MS = 3_000;

/** The fleet's clusters across every configured account and region. */
export function createInventoryService(aws: AwsClients, options: InventoryOptions) {
  const listCache = createTtlCache<ClusterList>(options.cacheTtlMs, Date.now, 'cluster-list');
  // One DescribeCluster is cheap; its cache only coalesces bursts, so a page watching a cluster
  // change state sees it within seconds rather than a list's lifetime.
  const detailCache = createTtlCache<ClusterDetail>(
    Math.min(options.cacheTtlMs, DETAIL_TTL_MS),
    Date.now,
    'cluster-detail',
  );
  const versionCache = createTtlCache<VersionCatalog>(
    VERSION_CATALOG_TTL_MS,
    Date.now,
    'version-catalog',
  );

  /** EKS's whole version calendar for a region (includeAll), cached: the one copy the console reads. */
  function fetchVersionCatalog(account: AccountTarget, region: string): Promise<VersionCatalog> {
    return versionCache.get(`${account.key}|${region}`, async () => {
      const catalog: VersionCatalog = new Map();
      const pages = paginateDescribeClusterVersions(
        { client: aws.eks(account, region) },
        { includeAll: true },
      );
      for await (const page of pages) {
        for (const info of page.clusterVersions ?? []) {
          if (info.clusterVersion) catalog.set(info.clusterVersion, info);
        }
      }
      return catalog;
    });
  }

  /** The calendar for showing support: empty (support UNKNOWN) when the endpoint cannot tell. */
  function versionCatalog(account: AccountTarget, region: string): Promise<VersionCatalog> {
    return fetchVersionCatalog(account, region).catch((error: unknown) => {
      options.logger.warn(
        { account: account.name, region, err: fromAwsError(error).message },
        'DescribeClusterVersions failed; version support shown as unknown',
      );
      return new Map();
    });
  }

  async function readSource(
    account: AccountTarget,
    region: string,
  ): Promise<SourceResult<ClusterSummary>> {
    let accountId: string;
    try {
      accountId = await aws.accountId(account);
    } catch (error) {
      return {
        items: [],
        errors: [sourceError(error, { accountId: account.id ?? account.name, region })],
      };
    }
    const source: ClusterSource = { accountId, accountName: account.name, region };
    const eks = aws.eks(account, region);
    const catalog = versionCatalog(account, region);
    const limit = pLimit(options.regionConcurrency);
    const result: SourceResult<ClusterSummary> = { items: [], errors: [] };
    const describing: Promise<void>[] = [];

    const describe = async (name: string) => {
      try {
        const { cluster } = await limit(() => eks.send(new DescribeClusterCommand({ name })));
        if (!cluster) return;
        const support = versionSupportOf(
          cluster.version ? (await catalog).get(cluster.version) : undefined,
        );
        result.items.push(toClusterSummary(cluster, source, support));
      } catch (error) {
        // Deleted between ListClusters and DescribeCluster: it is simply gone.
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return;
        result.errors.push(sourceError(error, { accountId, region, cluster: name }));
      }
    };

    try {
      const pages = paginateListClusters({ client: eks, pageSize: 100 }, { include: ['all'] });
      // Describe each page's clusters while the next page is fetched.
      for await (const page of pages) {
        for (const name of page.clusters ?? []) describing.push(describe(name));
      }
    } catch (error) {
      result.errors.push(sourceError(error, { accountId, region }));
    }
    await Promise.all(describing);
    return result;
  }

  async function loadAll(): Promise<ClusterList> {
    const limit = pLimit(options.sourceConcurrency ?? 32);
    const results = await Promise.all(
      aws.accounts.flatMap((account) =>
        options.regions.map((region) => limit(() => readSource(account, region))),
      ),
    );
    const merged = mergeResults(results);
    merged.items.sort(
      (a, b) =>
        a.name.localeCompare(b.name) ||
        a.accountId.localeCompare(b.accountId) ||
        a.region.localeCompare(b.region),
    );
    return merged;
  }

  /** The configured account with this id, resolving ids that are not configured up front. */
  async function findAccount(accountId: string): Promise<AccountTarget> {
    for (const account of aws.accounts) {
      const id = await aws.accountId(account).catch(() => undefined);
      if (id === accountId) return account;
    }
    throw new NotFoundError(`Account ${accountId} is not one this console reads.`);
  }

  async function loadDetail(ref: ClusterRef): Promise<ClusterDetail> {
    assertReadRegion(options.regions, ref.region);
    const account = await findAccount(ref.accountId);
    let cluster: Cluster | undefined;
    try {
      ({ cluster } = await aws
        .eks(account, ref.region)
        .send(new DescribeClusterCommand({ name: ref.name })));
    } catch (error) {
      throw fromAwsError(error);
    }
    if (!cluster) throw new NotFoundError(`No cluster named ${ref.name}.`);
    const catalog = await versionCatalog(account, ref.region);
    const support = versionSupportOf(cluster.version ? catalog.get(cluster.version) : undefined);
    return toClusterDetail(
      cluster,
      { accountId: ref.accountId, accountName: account.name, region: ref.region },
      support,
    );
  }

  return {
    listClusters: (): Promise<ClusterList> => listCache.get('all', loadAll),
    getCluster: (ref: ClusterRef): Promise<ClusterDetail> =>
      detailCache.get(`${ref.accountId}|${ref.region}|${ref.name}`, () => loadDetail(ref)),
    findAccount,
    /** Every Kubernetes version EKS knows in a region, supported or not, newest first; errors thrown. */
    async versions(accountId: string, region: string): Promise<ClusterVersionInformation[]> {
      assertReadRegion(options.regions, region);
      return [...(await fetchVersionCatalog(await findAccount(accountId), region)).values()];
    },
    /** Forget cached reads, e.g. after a change to a cluster. */
    invalidate(): void {
      listCache.invalidate();
      detailCache.invalidate();
    },
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
