import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import type {
  FargateProfile as EksFargateProfile,
  Nodegroup as EksNodegroup,
  Update as EksUpdate,
} from '@aws-sdk/client-eks';
import pLimit from 'p-limit';
import type {
  ClusterCompute,
  ClusterRef,
  FargateMatch,
  FargateMatchQuery,
  Instance,
  NodegroupDetail,
  SourceError,
  Update,
} from '@wheelhouse/contract';
import { NotFoundError } from '../errors.ts';
import { createAmiDrift, instancesBehind, type ReleaseCatalogue } from './amiDrift.ts';
import type { AutoScalingQuery } from '../upstream/autoScalingGateway.ts';
import type { AccountTarget } from '../upstream/awsClients.ts';
import { fromAwsError } from '../upstream/awsErrors.ts';
import type { AccountRegion, AwsGateway } from '../upstream/awsGateway.ts';
import {
  inServiceCount,
  launchTemplateOf,
  tagsOf,
  toFargateProfile,
  toInstance,
  toNodegroup,
  toUpdate,
} from './computeMapping.ts';
import { findOverlaps, matchPod } from './fargateMatching.ts';
import { uniformityOf } from './uniformity.ts';
import { progressOf, updateSteps } from './updateProgress.ts';

/** The account and region a cluster lives in, resolved from a route's reference. */
export interface ClusterLocation extends AccountRegion {
  ref: ClusterRef;
  account: AccountTarget;
}

const NODEGROUP_NAME_TAG = 'eks:nodegroup-name';
const clusterTag = (cluster: string) => `kubernetes.io/cluster/${cluster}`;
const UPDATES_SHOWN = 25;

/** Managed node groups, self-managed groups (Auto Scaling) and Fargate profiles of one cluster. */
export function createComputeService(aws: AwsGateway, options: { concurrency: number }) {
  const amiDrift = createAmiDrift(aws);

  async function locate(ref: ClusterRef): Promise<ClusterLocation> {
    return { ref, ...(await aws.locate(ref.accountId, ref.region)) };
  }

  async function describeAll<T>(
    names: string[],
    describe: (name: string) => Promise<T | undefined>,
  ): Promise<T[]> {
    const limit = pLimit(options.concurrency);
    const found = await Promise.all(names.map((name) => limit(() => describe(name))));
    return found.filter((item): item is Awaited<T> => item !== undefined);
  }

  async function nodegroupsOf(at: ClusterLocation): Promise<EksNodegroup[]> {
    const eks = aws.eks(at);
    return describeAll(await eks.nodegroupNames(at.ref.name), (name) =>
      eks.describeNodegroup(at.ref.name, name),
    );
  }

  async function fargateProfilesOf(at: ClusterLocation): Promise<EksFargateProfile[]> {
    const eks = aws.eks(at);
    return describeAll(await eks.fargateProfileNames(at.ref.name), (name) =>
      eks.describeFargateProfile(at.ref.name, name),
    );
  }

  const autoScalingGroups = (at: ClusterLocation, query: AutoScalingQuery) =>
    aws.autoScalingGroups(at, query);

  /** Instances of some Auto Scaling groups, completed by EC2; EC2 failing leaves Auto Scaling's view. */
  async function instancesOf(
    at: ClusterLocation,
    groups: AutoScalingGroup[],
    errors: SourceError[],
  ): Promise<Map<string, Instance[]>> {
    const ids = groups
      .flatMap((group) => (group.Instances ?? []).map((i) => i.InstanceId ?? ''))
      .filter(Boolean);
    let ec2 = new Map<string, Ec2Instance>();
    try {
      if (ids.length) ec2 = await aws.ec2Instances(at, ids);
    } catch (error) {
      errors.push(failure(at, error, 'EC2 DescribeInstances'));
    }
    return new Map(
      groups.map((group) => [
        group.AutoScalingGroupName ?? '',
        (group.Instances ?? []).map((member) =>
          toInstance(member, ec2.get(member.InstanceId ?? '')),
        ),
      ]),
    );
  }

  function failure(at: ClusterLocation, error: unknown, what: string): SourceError {
    const upstream = fromAwsError(error);
    return {
      accountId: at.ref.accountId,
      region: at.ref.region,
      cluster: at.ref.name,
      code: upstream.code,
      message: `${what}: ${upstream.message}`,
    };
  }

  /**
   * AMI drift of the managed groups, and the catalogues self-managed instances are looked up in
   * (the cluster's version and its node groups'). SSM failing leaves both undefined, with the error listed.
   */
  async function driftOf(
    at: ClusterLocation,
    nodegroups: EksNodegroup[],
    selfManagedInstances: boolean,
    errors: SourceError[],
  ) {
    const versions = async () => {
      const cluster = await aws.eks(at).describeCluster(at.ref.name);
      return [cluster?.version, ...nodegroups.map((ng) => ng.version)].filter(
        (version): version is string => version !== undefined,
      );
    };
    const [managed, catalogues] = await Promise.all([
      amiDrift.ofNodegroups(at, nodegroups).catch((error: unknown) => {
        errors.push(failure(at, error, 'SSM AMI releases (node groups)'));
        return undefined;
      }),
      selfManagedInstances
        ? versions()
            .then((list) => amiDrift.selfManagedCatalogues(at, list))
            .catch((error: unknown): ReleaseCatalogue[] | undefined => {
              errors.push(failure(at, error, 'SSM AMI releases (self-managed groups)'));
              return undefined;
            })
        : Promise.resolve([] as ReleaseCatalogue[]),
    ]);
    return { managed, catalogues };
  }

  const inService = (instances: Instance[] | undefined) =>
    instances ? inServiceCount(instances) : undefined;

  async function getCompute(ref: ClusterRef): Promise<ClusterCompute> {
    const at = await locate(ref);
    const errors: SourceError[] = [];
    const settle = <T>(promise: Promise<T>, what: string, fallback: T) =>
      promise.catch((error: unknown) => {
        errors.push(failure(at, error, what));
        return fallback;
      });
    const [nodegroups, profiles, groups] = await Promise.all([
      settle(nodegroupsOf(at), 'EKS node groups', [] as EksNodegroup[]),
      settle(fargateProfilesOf(at), 'EKS Fargate profiles', [] as EksFargateProfile[]),
      settle(
        autoScalingGroups(at, { filters: [{ Name: 'tag-key', Values: [clusterTag(ref.name)] }] }),
        'Auto Scaling groups',
        undefined,
      ),
    ]);
    const instances = groups
      ? await instancesOf(at, groups, errors)
      : new Map<string, Instance[]>();
    const managedGroups = new Set(
      nodegroups.flatMap((ng) =>
        (ng.resources?.autoScalingGroups ?? []).map((group) => group.name ?? ''),
      ),
    );
    const fargateProfiles = profiles.map(toFargateProfile);
    const selfManagedGroups = (groups ?? []).filter(
      (group) =>
        !managedGroups.has(group.AutoScalingGroupName ?? '') && !tagsOf(group)[NODEGROUP_NAME_TAG],
    );
    const drift = await driftOf(
      at,
      nodegroups,
      selfManagedGroups.some((group) => (group.Instances ?? []).length > 0),
      errors,
    );
    return {
      nodegroups: nodegroups
        .map((ng) => {
          const names = (ng.resources?.autoScalingGroups ?? []).map((group) => group.name ?? '');
          const counts = groups
            ? names.map((name) => inService(instances.get(name)) ?? 0)
            : undefined;
          const mapped = toNodegroup(
            ng,
            counts?.reduce((a, b) => a + b, 0),
          );
          const ami = drift.managed?.get(ng.nodegroupName ?? '');
          return ami ? { ...mapped, amiDrift: ami } : mapped;
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      selfManaged: selfManagedGroups
        .map((group) => {
          const members = instances.get(group.AutoScalingGroupName ?? '') ?? [];
          const launchTemplate = launchTemplateOf(group);
          return {
            name: group.AutoScalingGroupName ?? '',
            ...(group.AutoScalingGroupARN ? { arn: group.AutoScalingGroupARN } : {}),
            scaling: {
              minSize: group.MinSize ?? 0,
              maxSize: group.MaxSize ?? 0,
              desiredSize: group.DesiredCapacity ?? 0,
            },
            ...(launchTemplate ? { launchTemplate } : {}),
            instances: members,
            uniformity: uniformityOf(members),
            tags: tagsOf(group),
            ...(drift.catalogues ? { amiBehind: instancesBehind(members, drift.catalogues) } : {}),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      fargateProfiles: fargateProfiles.sort((a, b) => a.name.localeCompare(b.name)),
      fargateOverlaps: findOverlaps(fargateProfiles),
      errors,
    };
  }

  async function getNodegroup(ref: ClusterRef, nodegroupName: string): Promise<NodegroupDetail> {
    const at = await locate(ref);
    const ng = await aws.eks(at).describeNodegroup(ref.name, nodegroupName);
    if (!ng) throw new NotFoundError(`No node group named ${nodegroupName}.`);
    const errors: SourceError[] = [];
    const groupNames = (ng.resources?.autoScalingGroups ?? [])
      .map((group) => group.name ?? '')
      .filter(Boolean);
    const [groups, updates] = await Promise.all([
      autoScalingGroups(at, { names: groupNames }).catch((error: unknown) => {
        errors.push(failure(at, error, 'Auto Scaling groups'));
        return undefined;
      }),
      updatesOf(at, nodegroupName).catch((error: unknown) => {
        errors.push(failure(at, error, 'EKS updates'));
        return [] as EksUpdate[];
      }),
    ]);
    const byGroup = groups ? await instancesOf(at, groups, errors) : new Map<string, Instance[]>();
    const instances = [...byGroup.values()].flat();
    const desired = ng.scalingConfig?.desiredSize ?? 0;
    return {
      nodegroup: toNodegroup(ng, groups ? (inService(instances) ?? 0) : undefined),
      instances: instances.sort((a, b) => (b.launchTime ?? '').localeCompare(a.launchTime ?? '')),
      updates: updates.map((update): Update => {
        const steps = updateSteps(update, desired, instances);
        return toUpdate(update, progressOf(update, steps), steps);
      }),
      errors,
    };
  }

  /** The latest updates of a cluster (or one of its node groups), newest first. */
  async function updatesOf(at: ClusterLocation, nodegroupName?: string): Promise<EksUpdate[]> {
    const eks = aws.eks(at);
    const scope = { name: at.ref.name, ...(nodegroupName ? { nodegroupName } : {}) };
    const updates = await describeAll(await eks.updateIds(scope), (updateId) =>
      eks.describeUpdate(scope, updateId),
    );
    return updates
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
      .slice(0, UPDATES_SHOWN);
  }

  async function fargateMatch(ref: ClusterRef, query: FargateMatchQuery): Promise<FargateMatch> {
    const profiles = await fargateProfilesOf(await locate(ref));
    return matchPod(profiles.map(toFargateProfile), query.namespace, query.labels);
  }

  return { locate, getCompute, getNodegroup, updatesOf, fargateMatch };
}
export type ComputeService = ReturnType<typeof createComputeService>;
