import type { AutoScalingGroup, Filter } from '@aws-sdk/client-auto-scaling';
import type { Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import {
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  paginateListFargateProfiles,
  paginateListNodegroups,
  paginateListUpdates,
  type FargateProfile as EksFargateProfile,
  type Nodegroup as EksNodegroup,
  type Update as EksUpdate,
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
import type { AccountTarget, AwsClients } from '../upstream/awsClients.ts';
import { fromAwsError } from '../upstream/awsErrors.ts';
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
import type { InventoryService } from './inventory.ts';
import { uniformityOf } from './uniformity.ts';
import { progressOf, updateSteps } from './updateProgress.ts';
import { allPages } from '../upstream/pages.ts';
import { assertReadRegion } from '../upstream/regions.ts';

/** The account and region a cluster lives in, resolved from a route's reference. */
export interface ClusterLocation {
  ref: ClusterRef;
  account: AccountTarget;
}

// Loaded on first use: the EC2 client's models alone take about 70 MB, which a console whose users never
// open a Compute tab need not hold.
const autoScalingSdk = () => import('@aws-sdk/client-auto-scaling');
const ec2Sdk = () => import('@aws-sdk/client-ec2');

const NODEGROUP_NAME_TAG = 'eks:nodegroup-name';
const clusterTag = (cluster: string) => `kubernetes.io/cluster/${cluster}`;
const EC2_FILTER_VALUES = 200;
const UPDATES_SHOWN = 25;

/** Managed node groups, self-managed groups (Auto Scaling) and Fargate profiles of one cluster. */
export function createComputeService(
  aws: AwsClients,
  inventory: InventoryService,
  options: { regions: string[]; concurrency: number },
) {
  async function locate(ref: ClusterRef): Promise<ClusterLocation> {
    assertReadRegion(options.regions, ref.region);
    return { ref, account: await inventory.findAccount(ref.accountId) };
  }

  const eks = ({ account, ref }: ClusterLocation) => aws.eks(account, ref.region);

  async function describeAll<T>(
    names: string[],
    describe: (name: string) => Promise<T | undefined>,
  ): Promise<T[]> {
    const limit = pLimit(options.concurrency);
    const found = await Promise.all(names.map((name) => limit(() => describe(name))));
    return found.filter((item): item is Awaited<T> => item !== undefined);
  }

  async function nodegroupsOf(at: ClusterLocation): Promise<EksNodegroup[]> {
    const names = (
      await allPages(paginateListNodegroups({ client: eks(at) }, { clusterName: at.ref.name }))
    ).flatMap((page) => page.nodegroups ?? []);
    return describeAll(
      names,
      async (nodegroupName) =>
        (
          await eks(at).send(
            new DescribeNodegroupCommand({ clusterName: at.ref.name, nodegroupName }),
          )
        ).nodegroup,
    );
  }

  async function fargateProfilesOf(at: ClusterLocation): Promise<EksFargateProfile[]> {
    const names = (
      await allPages(paginateListFargateProfiles({ client: eks(at) }, { clusterName: at.ref.name }))
    ).flatMap((page) => page.fargateProfileNames ?? []);
    return describeAll(
      names,
      async (fargateProfileName) =>
        (
          await eks(at).send(
            new DescribeFargateProfileCommand({ clusterName: at.ref.name, fargateProfileName }),
          )
        ).fargateProfile,
    );
  }

  async function autoScalingGroups(
    at: ClusterLocation,
    query: { names?: string[]; filters?: Filter[] },
  ): Promise<AutoScalingGroup[]> {
    if (query.names && query.names.length === 0) return [];
    const { AutoScalingClient, paginateDescribeAutoScalingGroups } = await autoScalingSdk();
    const client = aws.client(AutoScalingClient, at.account, at.ref.region);
    const pages = await allPages(
      paginateDescribeAutoScalingGroups(
        { client },
        {
          ...(query.names ? { AutoScalingGroupNames: query.names } : {}),
          ...(query.filters ? { Filters: query.filters } : {}),
        },
      ),
    );
    return pages.flatMap((page) => page.AutoScalingGroups ?? []);
  }

  /** EC2's view of instances, by id; a filter (not InstanceIds) so an instance gone meanwhile is no error. */
  async function ec2Instances(
    at: ClusterLocation,
    ids: string[],
  ): Promise<Map<string, Ec2Instance>> {
    const { EC2Client, paginateDescribeInstances } = await ec2Sdk();
    const client = aws.client(EC2Client, at.account, at.ref.region);
    const found = new Map<string, Ec2Instance>();
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += EC2_FILTER_VALUES)
      chunks.push(ids.slice(i, i + EC2_FILTER_VALUES));
    await Promise.all(
      chunks.map(async (chunk) => {
        const pages = paginateDescribeInstances(
          { client },
          { Filters: [{ Name: 'instance-id', Values: chunk }] },
        );
        for await (const page of pages) {
          for (const reservation of page.Reservations ?? []) {
            for (const instance of reservation.Instances ?? []) {
              if (instance.InstanceId) found.set(instance.InstanceId, instance);
            }
          }
        }
      }),
    );
    return found;
  }

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
      if (ids.length) ec2 = await ec2Instances(at, ids);
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
    return {
      nodegroups: nodegroups
        .map((ng) => {
          const names = (ng.resources?.autoScalingGroups ?? []).map((group) => group.name ?? '');
          const counts = groups
            ? names.map((name) => inService(instances.get(name)) ?? 0)
            : undefined;
          return toNodegroup(
            ng,
            counts?.reduce((a, b) => a + b, 0),
          );
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      selfManaged: (groups ?? [])
        .filter(
          (group) =>
            !managedGroups.has(group.AutoScalingGroupName ?? '') &&
            !tagsOf(group)[NODEGROUP_NAME_TAG],
        )
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
    let ng: EksNodegroup | undefined;
    try {
      ng = (
        await eks(at).send(new DescribeNodegroupCommand({ clusterName: ref.name, nodegroupName }))
      ).nodegroup;
    } catch (error) {
      throw fromAwsError(error);
    }
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
    const ids = (
      await allPages(
        paginateListUpdates(
          { client: eks(at) },
          { name: at.ref.name, ...(nodegroupName ? { nodegroupName } : {}) },
        ),
      )
    ).flatMap((page) => page.updateIds ?? []);
    const updates = await describeAll(
      ids,
      async (updateId) =>
        (
          await eks(at).send(
            new DescribeUpdateCommand({
              name: at.ref.name,
              updateId,
              ...(nodegroupName ? { nodegroupName } : {}),
            }),
          )
        ).update,
    );
    return updates
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
      .slice(0, UPDATES_SHOWN);
  }

  async function fargateMatch(ref: ClusterRef, query: FargateMatchQuery): Promise<FargateMatch> {
    const at = await locate(ref);
    let profiles: EksFargateProfile[];
    try {
      profiles = await fargateProfilesOf(at);
    } catch (error) {
      throw fromAwsError(error);
    }
    return matchPod(profiles.map(toFargateProfile), query.namespace, query.labels);
  }

  return { locate, getCompute, getNodegroup, updatesOf, fargateMatch };
}
export type ComputeService = ReturnType<typeof createComputeService>;
