import { eksAmiId } from '../ec2/amis.ts';
import { createAutoScalingGroup, launchIntoGroup } from '../ec2/autoScalingGroups.ts';
import type { MixedInstances } from '../ec2/autoScalingTypes.ts';
import { addLaunchTemplateVersion, createLaunchTemplate } from '../ec2/launchTemplates.ts';
import { releaseVersionFor } from '../eks/nodegroups.ts';
import { seededRandom } from '../random.ts';
import type { World } from '../world.ts';

/**
 * Self-managed node groups of the demo world: Auto Scaling groups users run
 * themselves, tagged kubernetes.io/cluster/<name>=owned and nothing of EKS's.
 * Two break the rule "one type, one AMI, one role per group".
 */

interface SelfManagedInstanceDef {
  /** Launch template version it was launched from. */
  templateVersion: number;
  launchedAt: string;
  instanceType?: string;
  /** An instance profile name other than the template's (changed by hand on the instance). */
  instanceProfile?: string;
}

interface SelfManagedDef {
  account: 0 | 1;
  region: string;
  cluster: string;
  name: string;
  amiType: string;
  /** Kubernetes version and AMI build date of each template version, oldest first. */
  templateVersions: Array<{
    version: string;
    build: string;
    instanceType?: string;
    /** IMDSv1 still allowed (HttpTokens optional); IMDSv2 only otherwise. */
    imdsV1?: boolean;
    /** The network interface maps a public address (nodes reachable from the internet). */
    publicIp?: boolean;
  }>;
  mixed?: Pick<MixedInstances, 'instanceTypes'>;
  scaling: [min: number, desired: number, max: number];
  instances: SelfManagedInstanceDef[];
}

const SELF_MANAGED: SelfManagedDef[] = [
  {
    // A half-done in-place AMI update: two instances on the new AMI, one still on the old.
    account: 0,
    region: 'us-east-1',
    cluster: 'checkout-prod',
    name: 'checkout-prod-legacy-workers',
    amiType: 'AL2023_x86_64_STANDARD',
    templateVersions: [
      // The first version was an old copy-paste: IMDSv1 on and a public address on eth0.
      {
        version: '1.34',
        build: '20251020',
        instanceType: 'm5.xlarge',
        imdsV1: true,
        publicIp: true,
      },
      { version: '1.34', build: '20251120', instanceType: 'm5.xlarge' },
    ],
    scaling: [3, 3, 6],
    instances: [
      { templateVersion: 1, launchedAt: '2025-11-06T10:04:00Z' },
      { templateVersion: 2, launchedAt: '2025-12-02T09:00:00Z' },
      { templateVersion: 2, launchedAt: '2025-12-02T09:13:00Z' },
    ],
  },
  {
    // Mixed instance types: one c5 launched when c6i capacity ran short.
    account: 0,
    region: 'eu-west-1',
    cluster: 'ml-training',
    name: 'ml-training-cpu-workers',
    amiType: 'AL2023_x86_64_STANDARD',
    templateVersions: [{ version: '1.32', build: '20251120' }],
    mixed: { instanceTypes: ['c6i.2xlarge', 'c5.2xlarge'] },
    scaling: [2, 3, 6],
    instances: [
      { templateVersion: 1, launchedAt: '2025-11-24T08:30:00Z', instanceType: 'c6i.2xlarge' },
      { templateVersion: 1, launchedAt: '2025-11-24T08:31:00Z', instanceType: 'c6i.2xlarge' },
      { templateVersion: 1, launchedAt: '2026-01-12T17:45:00Z', instanceType: 'c5.2xlarge' },
    ],
  },
  {
    // One instance whose profile was swapped by hand while debugging.
    account: 1,
    region: 'us-east-1',
    cluster: 'qa-integration',
    name: 'qa-integration-runners',
    amiType: 'AL2_x86_64',
    templateVersions: [
      {
        version: '1.33',
        build: '20251120',
        instanceType: 'm5.large',
        imdsV1: true,
        publicIp: true,
      },
    ],
    scaling: [1, 3, 4],
    instances: [
      { templateVersion: 1, launchedAt: '2025-11-28T13:00:00Z' },
      {
        templateVersion: 1,
        launchedAt: '2025-11-28T13:02:00Z',
        instanceProfile: 'qa-runners-debug',
      },
      { templateVersion: 1, launchedAt: '2025-11-28T13:03:00Z' },
    ],
  },
  {
    // A uniform one.
    account: 1,
    region: 'eu-west-1',
    cluster: 'perf-lab',
    name: 'perf-lab-load-runners',
    amiType: 'AL2023_x86_64_STANDARD',
    templateVersions: [{ version: '1.34', build: '20251120', instanceType: 'c6i.xlarge' }],
    scaling: [0, 2, 8],
    instances: [
      { templateVersion: 1, launchedAt: '2025-12-03T07:20:00Z' },
      { templateVersion: 1, launchedAt: '2025-12-03T07:20:00Z' },
    ],
  },
];

function seedGroup(world: World, def: SelfManagedDef): void {
  const accountId = world.accounts[def.account]!.id;
  const state = world.region(accountId, def.region);
  const cluster = state.clusters.get(def.cluster);
  if (cluster?.kind !== 'eks') return;
  const random = seededRandom(`self-managed:${accountId}:${def.region}:${def.name}`);
  const profileArn = (name: string) => `arn:aws:iam::${accountId}:instance-profile/${name}`;
  const securityGroupIds = [cluster.vpc.clusterSecurityGroupId];
  const dataOf = (entry: SelfManagedDef['templateVersions'][number]) => ({
    imageId: eksAmiId(
      def.region,
      def.amiType,
      entry.version,
      releaseVersionFor(entry.version, entry.build),
    ),
    ...(entry.instanceType ? { instanceType: entry.instanceType } : {}),
    iamInstanceProfileArn: profileArn(def.name),
    securityGroupIds,
    metadataOptions: {
      httpTokens: entry.imdsV1 ? ('optional' as const) : ('required' as const),
      httpPutResponseHopLimit: entry.imdsV1 ? 1 : 2,
    },
    networkInterface: { associatePublicIpAddress: entry.publicIp ?? false },
    rootVolume: { deviceName: '/dev/xvda', sizeGiB: 50, volumeType: 'gp3' as const },
  });
  const [first, ...later] = def.templateVersions;
  const createdAt = new Date(def.instances[0]!.launchedAt);
  const template = createLaunchTemplate(world, {
    accountId,
    region: def.region,
    name: def.name,
    createdAt: new Date(createdAt.getTime() - 3_600_000),
    random,
    data: dataOf(first!),
    createdBy: `arn:aws:iam::${accountId}:user/platform-admin`,
    tags: { [`kubernetes.io/cluster/${def.cluster}`]: 'owned' },
  });
  for (const entry of later) addLaunchTemplateVersion(template, dataOf(entry), createdAt, true);
  const [minSize, desiredCapacity, maxSize] = def.scaling;
  const group = createAutoScalingGroup(world, {
    accountId,
    region: def.region,
    name: def.name,
    uuid: random.uuid(),
    createdAt: template.createdAt,
    minSize,
    maxSize,
    desiredCapacity,
    subnetIds: state.network.subnets.filter((subnet) => !subnet.public).map((subnet) => subnet.id),
    template,
    templateVersion: '$Latest',
    ...(def.mixed
      ? {
          mixedInstances: {
            instanceTypes: def.mixed.instanceTypes,
            onDemandBaseCapacity: 0,
            onDemandPercentageAboveBaseCapacity: 100,
            onDemandAllocationStrategy: 'prioritized',
            spotAllocationStrategy: 'capacity-optimized',
          },
        }
      : {}),
    tags: { [`kubernetes.io/cluster/${def.cluster}`]: 'owned', Name: def.name },
  });
  for (const entry of def.instances) {
    group.launchTemplate = { ...group.launchTemplate, version: String(entry.templateVersion) };
    launchIntoGroup(world, group, {
      seeded: { launchTime: new Date(entry.launchedAt) },
      overrides: {
        ...(entry.instanceType ? { instanceType: entry.instanceType } : {}),
        ...(entry.instanceProfile
          ? { iamInstanceProfileArn: profileArn(entry.instanceProfile) }
          : {}),
      },
    });
  }
  group.launchTemplate = { ...group.launchTemplate, version: '$Latest' };
}

/** Seeds the demo world's self-managed node groups (skipped where their cluster is absent). */
export function seedSelfManagedGroups(world: World): void {
  for (const def of SELF_MANAGED) seedGroup(world, def);
}
