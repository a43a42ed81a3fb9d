import pLimit from 'p-limit';
import type {
  ClusterDetail,
  ClusterRef,
  ClusterSummary,
  PostureReport,
  SourceError,
} from '@wheelhouse/contract';
import type { AwsGateway } from '../../upstream/awsGateway.ts';
import { createTtlCache } from '../../upstream/ttlCache.ts';
import { sourceError } from '../fanOut.ts';
import type { PostureCheckDef } from './check.ts';
import { POSTURE_CHECKS } from './checks/index.ts';
import { describeChecks, evaluatePosture, type ClusterPosture } from './engine.ts';
import { gatherFacts } from './facts.ts';

export interface PostureInventory {
  listClusters(): Promise<{ items: ClusterSummary[]; errors: SourceError[] }>;
  getCluster(ref: ClusterRef): Promise<ClusterDetail>;
}

export interface PostureOptions {
  /** Clusters evaluated at once per account and region. */
  clusterConcurrency: number;
  /** Describe calls in flight at once within one cluster. */
  callConcurrency: number;
  cacheTtlMs: number;
  checks?: readonly PostureCheckDef[];
  now?: () => Date;
}

const refOf = (cluster: ClusterSummary): ClusterRef => ({
  accountId: cluster.accountId,
  region: cluster.region,
  name: cluster.name,
});

/**
 * Posture of the fleet and of single clusters. Reads are the console's (posture is the same for
 * every viewer); a cluster that cannot be read is named in `errors` and the others still come.
 */
export function createPostureService(
  aws: AwsGateway,
  inventory: PostureInventory,
  options: PostureOptions,
) {
  const checks = options.checks ?? POSTURE_CHECKS;
  const now = options.now ?? (() => new Date());
  const clusterCache = createTtlCache<{ posture: ClusterPosture; errors: SourceError[] }>(
    options.cacheTtlMs,
    Date.now,
    'posture-cluster',
  );

  const fleetCache = createTtlCache<PostureReport>(options.cacheTtlMs, Date.now, 'posture-fleet');

  const evaluate = (ref: ClusterRef) =>
    clusterCache.get(`${ref.accountId}|${ref.region}|${ref.name}`, async () => {
      const cluster = await inventory.getCluster(ref);
      const at = await aws.locate(ref.accountId, ref.region);
      const { facts, errors } = await gatherFacts(aws, at, cluster, {
        concurrency: options.callConcurrency,
        now: now(),
      });
      return { posture: evaluatePosture(facts, checks), errors };
    });

  function report(parts: ClusterPosture[], errors: SourceError[]): PostureReport {
    return {
      items: parts.flatMap((part) => part.findings),
      scores: parts.map((part) => part.score),
      checks: describeChecks(checks),
      errors,
      generatedAt: now().toISOString(),
    };
  }

  return {
    async cluster(ref: ClusterRef): Promise<PostureReport> {
      const { posture, errors } = await evaluate(ref);
      return report([posture], errors);
    },

    // One fleet report at a time, shared by everyone who asks while it is computed and for the
    // cache's life after: a page of auditors opening Posture at nine makes one pass, not one each.
    fleet: (): Promise<PostureReport> => fleetCache.get('fleet', fleetReport),

    invalidate: () => {
      clusterCache.invalidate();
      fleetCache.invalidate();
    },
  };

  async function fleetReport(): Promise<PostureReport> {
    const clusters = await inventory.listClusters();
    const errors: SourceError[] = [...clusters.errors];
    // A cluster being created or deleted has nothing settled to judge yet, and a connected
    // cluster's control plane and nodes are not EKS's: the checks read what EKS runs.
    const judged = clusters.items.filter(
      (cluster) =>
        !cluster.connected && cluster.status !== 'CREATING' && cluster.status !== 'DELETING',
    );
    // Bounded per account and region, as the inventory is: each region's API limits are its own,
    // so regions go in parallel and a large one does not hold back the rest.
    const limits = new Map<string, ReturnType<typeof pLimit>>();
    const limitOf = (cluster: ClusterSummary) => {
      const key = `${cluster.accountId}|${cluster.region}`;
      let limit = limits.get(key);
      if (!limit) limits.set(key, (limit = pLimit(options.clusterConcurrency)));
      return limit;
    };
    const parts = await Promise.all(
      judged.map((cluster) =>
        limitOf(cluster)(async () => {
          try {
            const result = await evaluate(refOf(cluster));
            errors.push(...result.errors);
            return [result.posture];
          } catch (error) {
            errors.push(
              sourceError(error, {
                accountId: cluster.accountId,
                region: cluster.region,
                cluster: cluster.name,
              }),
            );
            return [];
          }
        }),
      ),
    );
    return report(parts.flat(), errors);
  }
}
export type PostureService = ReturnType<typeof createPostureService>;
