import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import pLimit from 'p-limit';
import {
  CONTROL_PLANE_PRICES,
  SUPPORT_WARNING_DAYS,
  type ClusterCost,
  type ClusterRef,
  type ClusterSummary,
  type CostReport,
  type GroupCapacity,
  type SourceError,
} from '@wheelhouse/contract';
import type { AccountRegion, AwsGateway } from '../../upstream/awsGateway.ts';
import { NotFoundError } from '../../errors.ts';
import { createTtlCache } from '../../upstream/ttlCache.ts';
import { sourceError } from '../fanOut.ts';

export interface CostInventory {
  listClusters(): Promise<{ items: ClusterSummary[]; errors: SourceError[] }>;
}

const NODEGROUP_NAME_TAG = 'eks:nodegroup-name';
const DAY_MS = 86_400_000;
const round = (usd: number) => Math.round(usd * 100) / 100;
const { standardHourlyUsd, extendedHourlyUsd, hoursPerMonth } = CONTROL_PLANE_PRICES;

/** What EKS charges for a cluster's control plane per hour, from its version's support. */
export function hourlyPriceOf(
  cluster: Pick<ClusterSummary, 'connected' | 'versionSupport'>,
): number {
  if (cluster.connected) return 0;
  // A version past extended support is still billed as extended until EKS upgrades the cluster.
  const extended =
    cluster.versionSupport.status === 'EXTENDED_SUPPORT' ||
    cluster.versionSupport.status === 'UNSUPPORTED';
  return extended ? extendedHourlyUsd : standardHourlyUsd;
}

/** Set when standard support ends within the warning window: the day, and the monthly increase. */
export function enteringExtended(
  cluster: Pick<ClusterSummary, 'connected' | 'versionSupport'>,
  now: Date,
): ClusterCost['enteringExtendedSupport'] {
  const end = cluster.versionSupport.endOfStandardSupport;
  if (cluster.connected || cluster.versionSupport.status !== 'STANDARD_SUPPORT' || !end) {
    return undefined;
  }
  const daysLeft = Math.floor((Date.parse(end) - now.getTime()) / DAY_MS);
  if (daysLeft > SUPPORT_WARNING_DAYS) return undefined;
  return {
    on: end.slice(0, 10),
    daysLeft,
    monthlyIncreaseUsd: round((extendedHourlyUsd - standardHourlyUsd) * hoursPerMonth),
  };
}

const shareOf = (spot: number, all: number) => (all > 0 ? spot / all : undefined);

/** vCPUs in service per Auto Scaling group of a cluster, Spot told apart by EC2's instance lifecycle. */
async function capacityOf(
  aws: AwsGateway,
  at: AccountRegion,
  cluster: string,
): Promise<GroupCapacity[]> {
  const groups: AutoScalingGroup[] = await aws.autoScalingGroups(at, {
    filters: [{ Name: 'tag-key', Values: [`kubernetes.io/cluster/${cluster}`] }],
  });
  const inService = groups.map((group) => ({
    group,
    members: (group.Instances ?? []).filter(
      (member) => member.LifecycleState === 'InService' && member.InstanceId,
    ),
  }));
  const ids = inService.flatMap(({ members }) => members.map((member) => member.InstanceId!));
  const [ec2, vcpus] = await Promise.all([
    ids.length ? aws.ec2Instances(at, ids) : Promise.resolve(new Map<string, Ec2Instance>()),
    aws.instanceTypeVcpus(
      at,
      [
        ...new Set(inService.flatMap(({ members }) => members.map((m) => m.InstanceType ?? ''))),
      ].filter(Boolean),
    ),
  ]);
  return inService.map(({ group, members }): GroupCapacity => {
    const nodegroup = group.Tags?.find((tag) => tag.Key === NODEGROUP_NAME_TAG)?.Value;
    const instanceTypes: Record<string, number> = {};
    let all = 0;
    let spot = 0;
    for (const member of members) {
      const type = member.InstanceType ?? 'unknown';
      instanceTypes[type] = (instanceTypes[type] ?? 0) + 1;
      const count = vcpus.get(type) ?? 0;
      all += count;
      if (ec2.get(member.InstanceId!)?.InstanceLifecycle === 'spot') spot += count;
    }
    return {
      resource: nodegroup
        ? `nodegroup/${nodegroup}`
        : `autoscaling-group/${group.AutoScalingGroupName ?? ''}`,
      instances: members.length,
      vcpus: all,
      spotVcpus: spot,
      instanceTypes,
    };
  });
}

export interface CostOptions {
  /** Clusters read at once per account and region. */
  concurrency: number;
  cacheTtlMs: number;
  now?: () => Date;
}

/** Control-plane price, Spot share and extended-support exposure of the fleet and of one cluster. */
export function createCostService(aws: AwsGateway, inventory: CostInventory, options: CostOptions) {
  const now = options.now ?? (() => new Date());
  const cache = createTtlCache<CostReport>(options.cacheTtlMs, Date.now, 'cost');

  async function costOf(cluster: ClusterSummary, errors: SourceError[]): Promise<ClusterCost> {
    const hourly = hourlyPriceOf(cluster);
    let groups: GroupCapacity[] = [];
    if (!cluster.connected) {
      try {
        groups = await capacityOf(
          aws,
          await aws.locate(cluster.accountId, cluster.region),
          cluster.name,
        );
      } catch (error) {
        const failed = sourceError(error, {
          accountId: cluster.accountId,
          region: cluster.region,
          cluster: cluster.name,
        });
        errors.push({ ...failed, message: `EC2 capacity: ${failed.message}` });
      }
    }
    const vcpus = groups.reduce((sum, group) => sum + group.vcpus, 0);
    const spotVcpus = groups.reduce((sum, group) => sum + group.spotVcpus, 0);
    const share = shareOf(spotVcpus, vcpus);
    const soon = enteringExtended(cluster, now());
    return {
      accountId: cluster.accountId,
      region: cluster.region,
      cluster: cluster.name,
      ...(cluster.version ? { version: cluster.version } : {}),
      versionSupport: cluster.versionSupport,
      connected: cluster.connected,
      hourlyUsd: hourly,
      monthlyUsd: round(hourly * hoursPerMonth),
      vcpus,
      spotVcpus,
      ...(share !== undefined ? { spotShare: share } : {}),
      groups,
      ...(soon ? { enteringExtendedSupport: soon } : {}),
    };
  }

  function report(items: ClusterCost[], errors: SourceError[]): CostReport {
    const vcpus = items.reduce((sum, item) => sum + item.vcpus, 0);
    const spotVcpus = items.reduce((sum, item) => sum + item.spotVcpus, 0);
    const share = shareOf(spotVcpus, vcpus);
    const soon = items.filter((item) => item.enteringExtendedSupport);
    const hourly = items.reduce((sum, item) => sum + item.hourlyUsd, 0);
    return {
      items,
      totals: {
        hourlyUsd: round(hourly),
        monthlyUsd: round(hourly * hoursPerMonth),
        vcpus,
        spotVcpus,
        ...(share !== undefined ? { spotShare: share } : {}),
        enteringExtendedSupport: soon.length,
        monthlyIncreaseUsd: round(
          soon.reduce((sum, item) => sum + item.enteringExtendedSupport!.monthlyIncreaseUsd, 0),
        ),
      },
      prices: { ...CONTROL_PLANE_PRICES },
      errors,
    };
  }

  async function fleetReport(): Promise<CostReport> {
    const clusters = await inventory.listClusters();
    const errors: SourceError[] = [...clusters.errors];
    const limits = new Map<string, ReturnType<typeof pLimit>>();
    const limitOf = (cluster: ClusterSummary) => {
      const key = `${cluster.accountId}|${cluster.region}`;
      let limit = limits.get(key);
      if (!limit) limits.set(key, (limit = pLimit(options.concurrency)));
      return limit;
    };
    const items = await Promise.all(
      clusters.items.map((cluster) => limitOf(cluster)(() => costOf(cluster, errors))),
    );
    return report(items, errors);
  }

  return {
    fleet: (): Promise<CostReport> => cache.get('fleet', fleetReport),
    async cluster(ref: ClusterRef): Promise<CostReport> {
      const fleet = await inventory.listClusters();
      const cluster = fleet.items.find(
        (c) => c.accountId === ref.accountId && c.region === ref.region && c.name === ref.name,
      );
      if (!cluster) {
        // Not in the (cached) list: locate() names a region this console does not read.
        await aws.locate(ref.accountId, ref.region);
        throw new NotFoundError(`No cluster named ${ref.name} in ${ref.accountId} ${ref.region}.`);
      }
      const errors: SourceError[] = [];
      return report([await costOf(cluster, errors)], errors);
    },
    invalidate: () => cache.invalidate(),
  };
}
export type CostService = ReturnType<typeof createCostService>;
