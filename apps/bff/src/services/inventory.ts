import type { ClusterVersionInformation } from '@aws-sdk/client-eks';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { ClusterDetail, ClusterList, ClusterRef, ClusterSummary } from '@wheelhouse/contract';
import { NotFoundError, UpstreamError } from '../errors.ts';
import type { AccountTarget } from '../upstream/awsClients.ts';
import type { AccountRegion, AwsGateway, VersionCatalog } from '../upstream/awsGateway.ts';
import { createTtlCache } from '../upstream/ttlCache.ts';
import {
  toClusterDetail,
  toClusterSummary,
  versionSupportOf,
  type ClusterSource,
} from './clusterMapping.ts';
import { mergeResults, sourceError, type SourceResult } from './fanOut.ts';

export interface InventoryOptions {
  regions: string[];
  /** DescribeCluster calls in flight at once per account and region. */
  regionConcurrency: number;
  /** Account/region pairs read at once; bounds sockets and memory for very large fleets. */
  sourceConcurrency?: number;
  cacheTtlMs: number;
  logger: Logger;
}

const DETAIL_TTL_MS = 3_000;

/** The fleet's clusters across every configured account and region. */
export function createInventoryService(aws: AwsGateway, options: InventoryOptions) {
  const listCache = createTtlCache<ClusterList>(options.cacheTtlMs, Date.now, 'cluster-list');
  // One DescribeCluster is cheap; its cache only coalesces bursts, so a page watching a cluster
  // change state sees it within seconds rather than a list's lifetime.
  const detailCache = createTtlCache<ClusterDetail>(
    Math.min(options.cacheTtlMs, DETAIL_TTL_MS),
    Date.now,
    'cluster-detail',
  );

  /** The calendar for showing support: empty (support UNKNOWN) when the endpoint cannot tell. */
  function versionCatalog(at: AccountRegion): Promise<VersionCatalog> {
    return aws.versionCatalog(at).catch((error: unknown) => {
      options.logger.warn(
        {
          account: at.account.name,
          region: at.region,
          err: error instanceof Error ? error.message : String(error),
        },
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
    const at = { account, region };
    const eks = aws.eks(at);
    const catalog = versionCatalog(at);
    const limit = pLimit(options.regionConcurrency);
    const result: SourceResult<ClusterSummary> = { items: [], errors: [] };
    const describing: Promise<void>[] = [];

    const describe = async (name: string) => {
      try {
        const cluster = await limit(() => eks.describeCluster(name));
        if (!cluster) return;
        const support = versionSupportOf(
          cluster.version ? (await catalog).get(cluster.version) : undefined,
        );
        result.items.push(toClusterSummary(cluster, source, support));
      } catch (error) {
        // Deleted between ListClusters and DescribeCluster: it is simply gone.
        if (error instanceof UpstreamError && error.code === 'ResourceNotFoundException') return;
        result.errors.push(sourceError(error, { accountId, region, cluster: name }));
      }
    };

    try {
      // Describe each page's clusters while the next page is fetched.
      for await (const names of eks.clusterNamePages()) {
        for (const name of names) describing.push(describe(name));
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

  async function loadDetail(ref: ClusterRef): Promise<ClusterDetail> {
    const at = await aws.locate(ref.accountId, ref.region);
    const cluster = await aws.eks(at).describeCluster(ref.name);
    if (!cluster) throw new NotFoundError(`No cluster named ${ref.name}.`);
    const catalog = await versionCatalog(at);
    const support = versionSupportOf(cluster.version ? catalog.get(cluster.version) : undefined);
    return toClusterDetail(
      cluster,
      { accountId: ref.accountId, accountName: at.account.name, region: ref.region },
      support,
    );
  }

  return {
    listClusters: (): Promise<ClusterList> => listCache.get('all', loadAll),
    getCluster: (ref: ClusterRef): Promise<ClusterDetail> =>
      detailCache.get(`${ref.accountId}|${ref.region}|${ref.name}`, () => loadDetail(ref)),
    findAccount: (accountId: string): Promise<AccountTarget> => aws.findAccount(accountId),
    /** Every Kubernetes version EKS knows in a region, supported or not; errors thrown. */
    async versions(accountId: string, region: string): Promise<ClusterVersionInformation[]> {
      return [...(await aws.versionCatalog(await aws.locate(accountId, region))).values()];
    },
    /** Forget cached reads, e.g. after a change to a cluster. */
    invalidate(): void {
      listCache.invalidate();
      detailCache.invalidate();
    },
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
