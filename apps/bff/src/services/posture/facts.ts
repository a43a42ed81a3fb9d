import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import type {
  AccessEntry as EksAccessEntry,
  Addon as EksAddon,
  AssociatedAccessPolicy,
  FargateProfile as EksFargateProfile,
  Nodegroup as EksNodegroup,
} from '@aws-sdk/client-eks';
import pLimit from 'p-limit';
import type { AmiDrift, ClusterDetail, SourceError } from '@wheelhouse/contract';
import type { AccountRegion, AwsGateway } from '../../upstream/awsGateway.ts';
import { createAmiDrift } from '../amiDrift.ts';
import { sourceError } from '../fanOut.ts';

/** How an Auto Scaling group's instances start: what its launch template version says. */
export interface LaunchSettings {
  templateId: string;
  version: string;
  /** `required` is IMDSv2 only; `optional` (or unset on old templates) still answers IMDSv1. */
  httpTokens?: string;
  hopLimit?: number;
  /** The primary interface's AssociatePublicIpAddress, when the template sets it. */
  associatePublicIp?: boolean;
}

/** One Auto Scaling group of the cluster: a managed node group's or a self-managed one. */
export interface GroupFacts {
  /** `nodegroup/<name>` for a managed node group's group, else `autoscaling-group/<name>`. */
  resource: string;
  name: string;
  nodegroup?: string;
  subnets: string[];
  launch?: LaunchSettings;
}

export interface SubnetFacts {
  mapPublicIpOnLaunch: boolean;
  availabilityZone?: string;
}

export interface AccessEntryFacts {
  entry: EksAccessEntry;
  policies: AssociatedAccessPolicy[];
}

/**
 * What the checks read of one cluster. A part left undefined could not be read (its error is in
 * `errors`); the checks that need it are then skipped, never passed.
 */
export interface ClusterFacts {
  cluster: ClusterDetail;
  now: Date;
  nodegroups?: EksNodegroup[];
  groups?: GroupFacts[];
  fargateProfiles?: EksFargateProfile[];
  subnets?: Map<string, SubnetFacts>;
  accessEntries?: AccessEntryFacts[];
  addons?: EksAddon[];
  /** AMI drift of each managed node group, by name (SSM's public AMI release parameters). */
  amiDrift?: Map<string, AmiDrift>;
}

const NODEGROUP_NAME_TAG = 'eks:nodegroup-name';
const clusterTag = (cluster: string) => `kubernetes.io/cluster/${cluster}`;

function templateOf(group: AutoScalingGroup): { id: string; version: string } | undefined {
  const spec =
    group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  if (!spec?.LaunchTemplateId) return undefined;
  return { id: spec.LaunchTemplateId, version: spec.Version ?? '$Default' };
}

function launchSettings(
  ref: { id: string; version: string },
  data: ResponseLaunchTemplateData | undefined,
): LaunchSettings | undefined {
  if (!data) return undefined;
  const settings: LaunchSettings = { templateId: ref.id, version: ref.version };
  const tokens = data.MetadataOptions?.HttpTokens;
  if (tokens) settings.httpTokens = tokens;
  const hops = data.MetadataOptions?.HttpPutResponseHopLimit;
  if (hops !== undefined) settings.hopLimit = hops;
  const publicIp = data.NetworkInterfaces?.[0]?.AssociatePublicIpAddress;
  if (publicIp !== undefined) settings.associatePublicIp = publicIp;
  return settings;
}

/** Reads every fact of one cluster, each part on its own so one failure only skips its checks. */
export async function gatherFacts(
  aws: AwsGateway,
  at: AccountRegion,
  cluster: ClusterDetail,
  options: { concurrency: number; now: Date },
): Promise<{ facts: ClusterFacts; errors: SourceError[] }> {
  // A connected cluster's nodes and access are not EKS's: only what DescribeCluster says applies.
  if (cluster.connected) return { facts: { cluster, now: options.now }, errors: [] };
  const errors: SourceError[] = [];
  const where = { accountId: cluster.accountId, region: cluster.region, cluster: cluster.name };
  const attempt = async <T>(what: string, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      const failed = sourceError(error, where);
      errors.push({ ...failed, message: `${what}: ${failed.message}` });
      return undefined;
    }
  };
  const eks = aws.eks(at);
  const limit = pLimit(options.concurrency);
  const describeEach = async <T>(names: string[], describe: (name: string) => Promise<T>) =>
    Promise.all(names.map((name) => limit(() => describe(name))));

  const usesAccessEntries = cluster.authenticationMode !== 'CONFIG_MAP';
  const [nodegroups, fargateProfiles, autoScaling, accessEntries, addons] = await Promise.all([
    attempt('EKS node groups', async () =>
      (
        await describeEach(await eks.nodegroupNames(cluster.name), (name) =>
          eks.describeNodegroup(cluster.name, name),
        )
      ).filter((ng): ng is EksNodegroup => ng !== undefined),
    ),
    attempt('EKS Fargate profiles', async () =>
      (
        await describeEach(await eks.fargateProfileNames(cluster.name), (name) =>
          eks.describeFargateProfile(cluster.name, name),
        )
      ).filter((profile): profile is EksFargateProfile => profile !== undefined),
    ),
    attempt('Auto Scaling groups', () =>
      aws.autoScalingGroups(at, {
        filters: [{ Name: 'tag-key', Values: [clusterTag(cluster.name)] }],
      }),
    ),
    usesAccessEntries
      ? attempt('EKS access entries', async () =>
          // The checks need only the principal and its policies: no DescribeAccessEntry per entry.
          (
            await describeEach(await eks.accessEntryArns(cluster.name), async (arn) => ({
              entry: { principalArn: arn },
              policies: await eks.associatedAccessPolicies(cluster.name, arn),
            }))
          ).map((facts): AccessEntryFacts => facts),
        )
      : Promise.resolve([] as AccessEntryFacts[]),
    attempt('EKS add-ons', async () =>
      (
        await describeEach(await eks.addonNames(cluster.name), (name) =>
          eks.describeAddon(cluster.name, name),
        )
      ).filter((addon): addon is EksAddon => addon !== undefined),
    ),
  ]);

  let groups: GroupFacts[] | undefined;
  if (autoScaling) {
    const refs = autoScaling.flatMap((group) => {
      const ref = templateOf(group);
      return ref ? [ref] : [];
    });
    const templates = await attempt('EC2 launch templates', () =>
      aws.launchTemplateVersions(at, refs),
    );
    groups = autoScaling.map((group): GroupFacts => {
      const name = group.AutoScalingGroupName ?? '';
      const nodegroup = group.Tags?.find((tag) => tag.Key === NODEGROUP_NAME_TAG)?.Value;
      const ref = templateOf(group);
      const launch = ref
        ? launchSettings(ref, templates?.get(`${ref.id}@${ref.version}`))
        : undefined;
      return {
        resource: nodegroup ? `nodegroup/${nodegroup}` : `autoscaling-group/${name}`,
        name,
        ...(nodegroup ? { nodegroup } : {}),
        subnets: (group.VPCZoneIdentifier ?? '').split(',').filter(Boolean),
        ...(launch ? { launch } : {}),
      };
    });
  }

  const subnetIds = new Set<string>([
    ...(nodegroups ?? []).flatMap((ng) => ng.subnets ?? []),
    ...(groups ?? []).flatMap((group) => group.subnets),
    ...(fargateProfiles ?? []).flatMap((profile) => profile.subnets ?? []),
  ]);
  const amiDriftRead = nodegroups
    ? attempt('SSM AMI releases', () => createAmiDrift(aws).ofNodegroups(at, nodegroups))
    : Promise.resolve(undefined);
  const subnets = await attempt('EC2 subnets', async () => {
    const found = await aws.subnets(at, [...subnetIds]);
    return new Map(
      [...found].map(([id, subnet]): [string, SubnetFacts] => [
        id,
        {
          mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch === true,
          ...(subnet.AvailabilityZone ? { availabilityZone: subnet.AvailabilityZone } : {}),
        },
      ]),
    );
  });

  const facts: ClusterFacts = { cluster, now: options.now };
  if (nodegroups) facts.nodegroups = nodegroups;
  if (fargateProfiles) facts.fargateProfiles = fargateProfiles;
  if (groups) facts.groups = groups;
  if (subnets) facts.subnets = subnets;
  if (accessEntries) facts.accessEntries = accessEntries;
  if (addons) facts.addons = addons;
  const amiDrift = await amiDriftRead;
  if (amiDrift) facts.amiDrift = amiDrift;
  return { facts, errors };
}
