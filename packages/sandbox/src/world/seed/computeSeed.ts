import { launchIntoGroup } from '../ec2/autoScalingGroups.ts';
import { provisionNodegroupCompute } from '../eks/nodegroupCompute.ts';
import type { EksClusterRecord, NodegroupRecord } from '../eks/types.ts';
import { seededRandom, type Random } from '../random.ts';
import type { World } from '../world.ts';

/**
 * The seeded node groups' EC2 side: each gets its launch template, Auto
 * Scaling group and running instances launched in the past (after the AMI's
 * build and the node group's creation), so the world starts settled.
 */

const HOUR = 3_600_000;

/** The build date of a release version ("1.34.2-20251120" → 2025-11-20). */
function buildDate(releaseVersion: string): Date | undefined {
  const match = /-(\d{4})(\d{2})(\d{2})$/.exec(releaseVersion);
  return match ? new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : undefined;
}

/** A launch time a few days after `after`, never later than an hour before now. */
export function pastLaunchTime(random: Random, after: Date, now: Date): Date {
  const at = after.getTime() + random.int(2, 96) * HOUR + random.int(0, 59) * 60_000;
  return new Date(Math.min(at, now.getTime() - HOUR));
}

function seedNodegroup(world: World, cluster: EksClusterRecord, nodegroup: NodegroupRecord): void {
  const group = provisionNodegroupCompute(world, cluster, nodegroup);
  const random = seededRandom(`seed-instances:${nodegroup.arn}`);
  // A DEGRADED group that cannot launch keeps failing: one instance short of desired.
  const failure = nodegroup.health.find((issue) => issue.code === 'AsgInstanceLaunchFailures');
  if (failure) group.launchFailure = failure.message;
  const count = Math.max(0, nodegroup.scalingConfig.desiredSize - (failure ? 1 : 0));
  const built = buildDate(nodegroup.releaseVersion) ?? nodegroup.createdAt;
  const after = new Date(Math.max(built.getTime(), nodegroup.createdAt.getTime()));
  const launchTime = pastLaunchTime(random, after, world.now());
  for (let index = 0; index < count; index++) {
    // One launch per node group, a few minutes apart as Auto Scaling's batches go.
    launchIntoGroup(world, group, {
      seeded: { launchTime: new Date(launchTime.getTime() + index * random.int(20, 90) * 1000) },
    });
  }
}

/** Provisions every seeded node group of the world with its Auto Scaling group and instances. */
export function seedNodegroupCompute(world: World): void {
  for (const state of world.regionStates()) {
    for (const cluster of state.clusters.values()) {
      if (cluster.kind !== 'eks') continue;
      for (const nodegroup of cluster.nodegroups.values()) seedNodegroup(world, cluster, nodegroup);
    }
  }
}
