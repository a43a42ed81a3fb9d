import type { Ec2InstanceRecord } from '../world/ec2/types.ts';
import type { EksClusterRecord, NodegroupRecord } from '../world/eks/types.ts';
import { seededRandom } from '../world/random.ts';
import { newFargateProfile } from '../world/eks/fargateProfiles.ts';
import { allocatePrivateIp } from '../world/ec2/addresses.ts';
import { seedEksCluster, type ClusterDef } from '../world/seed/seedBuilders.ts';
import { internalDomain } from '../kube/sim/simContext.ts';
import type { World } from '../world/world.ts';
import { testWorld } from './testWorld.ts';
import { kubeTime } from '../kube/objects/meta.ts';
import type { KubeObject } from '../kube/objects/types.ts';
import { KubeCluster } from '../kube/sim/kubeCluster.ts';

/**
 * Unit-test helpers for the Kubernetes simulation: a cluster on a manual
 * clock, and EC2 instances put straight into world.ec2 (what the Auto
 * Scaling simulation does for node groups), so node tests do not depend on it.
 */

export const TEST_ACCOUNT = '111122223333';

export function kubeTestWorld(def: Partial<ClusterDef> = {}) {
  const test = testWorld();
  const cluster = seedEksCluster(test.world, TEST_ACCOUNT, 'us-east-1', {
    name: 'kube-test',
    version: '1.34',
    createdAt: '2026-10-01T10:00:00Z',
    tags: {},
    authenticationMode: 'API',
    ...def,
  });
  return { ...test, cluster };
}

let counter = 0;

/** A running instance of a node group (or a self-managed one when `nodegroup` is undefined). */
export function addInstance(
  world: World,
  cluster: EksClusterRecord,
  nodegroup: NodegroupRecord | undefined,
  options: {
    instanceType?: string;
    zone?: string;
    state?: Ec2InstanceRecord['state'];
    launchedAgoMs?: number;
  } = {},
): Ec2InstanceRecord {
  const random = seededRandom(`test-instance:${counter++}`);
  const zone = options.zone ?? `${cluster.region}${random.pick(['a', 'b', 'c'])}`;
  // In the cluster's private subnet of that zone, as EC2 would place it.
  const subnet =
    world
      .region(cluster.accountId, cluster.region)
      .network.subnets.find(
        (candidate) =>
          !candidate.public &&
          candidate.availabilityZone === zone &&
          cluster.vpc.subnetIds.includes(candidate.id),
      ) ?? world.region(cluster.accountId, cluster.region).network.subnets[0]!;
  const ip = allocatePrivateIp(subnet, new Set(), random);
  const instance: Ec2InstanceRecord = {
    instanceId: `i-0${random.hex(16)}`,
    accountId: cluster.accountId,
    region: cluster.region,
    availabilityZone: zone,
    subnetId: subnet.id,
    instanceType: options.instanceType ?? nodegroup?.instanceTypes[0] ?? 'm5.large',
    imageId: `ami-0${random.hex(16)}`,
    lifecycle: nodegroup?.capacityType === 'SPOT' ? 'spot' : 'on-demand',
    state: options.state ?? 'running',
    launchTime: new Date(world.now().getTime() - (options.launchedAgoMs ?? 86_400_000)),
    privateIpAddress: ip,
    privateDnsName: `ip-${ip.replaceAll('.', '-')}.${internalDomain(cluster.region)}`,
    iamInstanceProfileArn: `arn:aws:iam::${cluster.accountId}:instance-profile/test`,
    tags: {
      [`kubernetes.io/cluster/${cluster.name}`]: 'owned',
      ...(nodegroup
        ? {
            'eks:cluster-name': cluster.name,
            'eks:nodegroup-name': nodegroup.name,
            'aws:autoscaling:groupName': nodegroup.autoScalingGroupName,
          }
        : {}),
    },
    ...(nodegroup ? { autoScalingGroupName: nodegroup.autoScalingGroupName } : {}),
  };
  world.ec2.add(instance);
  return instance;
}

/** Launches the desired number of instances of every node group that has none yet. */
export function launchNodegroupInstances(world: World, cluster: EksClusterRecord): void {
  for (const nodegroup of cluster.nodegroups.values()) {
    const running = world.ec2
      .instances(cluster.accountId, cluster.region)
      .filter((instance) => instance.autoScalingGroupName === nodegroup.autoScalingGroupName);
    for (let i = running.length; i < nodegroup.scalingConfig.desiredSize; i++) {
      addInstance(world, cluster, nodegroup);
    }
  }
}

/** A cluster's Kubernetes on a manual clock (no flapping nodes), and a way to move time on. */
export function kubeTestCluster(def: Partial<ClusterDef> = {}) {
  const test = kubeTestWorld(def);
  launchNodegroupInstances(test.world, test.cluster);
  const kube = new KubeCluster(test.world, test.cluster, { flaky: false });
  kube.warmUp(() => {});
  return {
    ...test,
    kube,
    /** Advances simulated time in `times` steps of `ms`, ticking the world and the cluster. */
    step(ms: number, times = 1) {
      for (let i = 0; i < times; i++) {
        test.advance(ms);
        kube.tick();
      }
    },
    create<T extends KubeObject>(plural: string, object: T): T {
      return kube.store.create(plural, object, kubeTime(test.world.now()));
    },
  };
}

/** Puts a Fargate profile on the test's cluster directly (no create delay), in its subnets unless given. */
export function addFargateProfile(
  test: ReturnType<typeof kubeTestCluster>,
  name: string,
  selectors: ReadonlyArray<{ namespace: string; labels?: Readonly<Record<string, string>> }>,
  subnets?: string[],
): void {
  test.cluster.fargateProfiles.set(
    name,
    newFargateProfile(test.cluster, {
      name,
      uuid: `uuid-${name}`,
      createdAt: test.world.now(),
      podExecutionRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/fp`,
      subnets: subnets ?? test.cluster.vpc.subnetIds,
      selectors: selectors.map((selector) => ({
        namespace: selector.namespace,
        ...(selector.labels ? { labels: { ...selector.labels } } : {}),
      })),
    }),
  );
}
