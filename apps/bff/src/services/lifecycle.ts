import type { ClusterVersionInformation, LogType as EksLogType } from '@aws-sdk/client-eks';
import type {
  ChangeResult,
  ClusterRef,
  ClusterUpdates,
  ConfirmDeleteRequest,
  CreateClusterRequest,
  KubernetesVersionOption,
  UpdateClusterVersionRequest,
  UpdateEndpointAccessRequest,
  UpdateLoggingRequest,
  UpdateTagsRequest,
  VersionSkew,
  VersionUpgradePlan,
} from '@wheelhouse/contract';
import { InputError } from '../errors.ts';
import type { AwsGateway } from '../upstream/awsGateway.ts';
import type { EksChanges } from '../upstream/eksGateway.ts';
import { eksArn } from '../upstream/partition.ts';
import { confirmName, eksChange, type ChangeContext, type RunChange } from './changeRunner.ts';
import type { ComputeService } from './compute.ts';
import { toUpdate } from './computeMapping.ts';
import type { InventoryService } from './inventory.ts';
import { allowedSkew, majorOf, minorOf, skewOf } from './versions.ts';

const nextMinorOf = (version: string) => `${majorOf(version)}.${minorOf(version) + 1}`;

/** The minors after `version`, up to and including the oldest one EKS still supports. */
function pathToSupport(version: string, catalog: ClusterVersionInformation[]): string[] {
  const path: string[] = [];
  for (let step = nextMinorOf(version); ; step = nextMinorOf(step)) {
    const info = catalog.find((entry) => entry.clusterVersion === step);
    if (!info) return path;
    path.push(step);
    if (info.versionStatus !== 'UNSUPPORTED') return path;
  }
}

const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);

/**
 * What EKS's version lifecycle says of a cluster past the end of extended support: EKS upgrades it
 * itself to the oldest version it still supports, and until then the operator may do it, one minor
 * version at a time.
 */
function pastExtendedSupport(
  version: string,
  info: ClusterVersionInformation,
  path: string[],
): string {
  const since = day(info.endOfExtendedSupportDate);
  const ended = `${version} is past the end of extended support${since ? ` (${since})` : ''}`;
  const [first, ...rest] = path;
  if (!first) return `${ended}, and EKS lists no newer version to upgrade it to.`;
  const floor = path[path.length - 1]!;
  const steps =
    rest.length > 0
      ? `upgrade to ${first} now, then to ${rest.join(', then to ')}`
      : `upgrade to ${first} now`;
  return `${ended}: EKS upgrades such clusters itself to ${floor}, the oldest version it still supports; ${steps}, one minor version per update.`;
}

/** Cluster lifecycle: create, version updates, logging, endpoint access, tags, delete. */
export function createLifecycleService(
  aws: AwsGateway,
  inventory: InventoryService,
  compute: ComputeService,
  runChange: RunChange,
) {
  async function eksAs(
    accountId: string,
    region: string,
    context: ChangeContext,
  ): Promise<EksChanges> {
    return aws.eksAs(await aws.locate(accountId, region), context.user);
  }
  const change = eksChange(runChange, (ref, context) => eksAs(ref.accountId, ref.region, context));

  async function versionCatalog(
    accountId: string,
    region: string,
    includeAll = false,
  ): Promise<ClusterVersionInformation[]> {
    const versions = await inventory.versions(accountId, region);
    // What DescribeClusterVersions answers without includeAll: the versions one can still run.
    return includeAll ? versions : versions.filter((info) => info.versionStatus !== 'UNSUPPORTED');
  }

  /** Versions the region offers for new clusters, newest first. */
  async function versionOptions(
    accountId: string,
    region: string,
  ): Promise<KubernetesVersionOption[]> {
    return (await versionCatalog(accountId, region))
      .filter((info) => info.clusterVersion)
      .map((info): KubernetesVersionOption => ({
        version: info.clusterVersion!,
        status: info.versionStatus ?? 'UNKNOWN',
        isDefault: info.defaultVersion ?? false,
        ...(info.endOfStandardSupportDate
          ? { endOfStandardSupport: info.endOfStandardSupportDate.toISOString() }
          : {}),
      }))
      .sort(
        (a, b) =>
          majorOf(b.version) - majorOf(a.version) || minorOf(b.version) - minorOf(a.version),
      );
  }

  async function upgradePlan(ref: ClusterRef): Promise<VersionUpgradePlan> {
    const cluster = await inventory.getCluster(ref);
    const warnings: string[] = [];
    if (!cluster.version)
      return { skew: [], warnings: ['This cluster has no Kubernetes version to update.'] };
    const candidate = nextMinorOf(cluster.version);
    // With includeAll EKS also lists versions past extended support: a cluster still on one of them
    // goes through each later minor, one update at a time, even one that is itself past its end.
    const catalog = await versionCatalog(ref.accountId, ref.region, true);
    const infoOf = (version: string) => catalog.find((info) => info.clusterVersion === version);
    const currentInfo = infoOf(cluster.version);
    const offered = infoOf(candidate) !== undefined;
    const compute = await computeOf(ref);
    const target = offered ? candidate : cluster.version;
    const skew: VersionSkew[] = compute.nodegroups
      .filter((ng) => ng.version)
      .map((ng) => ({ nodegroup: ng.name, version: ng.version!, ...skewOf(target, ng.version!) }));
    const path =
      currentInfo?.versionStatus === 'UNSUPPORTED' ? pathToSupport(cluster.version, catalog) : [];
    if (currentInfo?.versionStatus === 'UNSUPPORTED') {
      warnings.push(pastExtendedSupport(cluster.version, currentInfo, path));
    } else if (!offered) {
      warnings.push(
        `EKS in ${ref.region} does not offer ${candidate} yet: ${cluster.version} is the newest.`,
      );
    }
    if (cluster.status !== 'ACTIVE')
      warnings.push(`The cluster is ${cluster.status}; EKS updates only ACTIVE clusters.`);
    for (const entry of skew.filter((s) => s.tooFar)) {
      warnings.push(
        `Node group ${entry.nodegroup} (${entry.version}) would be ${entry.behind} minor versions behind ${target}; ` +
          `kubelets may trail by at most ${allowedSkew(target)}. Update the node group first.`,
      );
    }
    return {
      current: cluster.version,
      ...(offered ? { next: candidate } : {}),
      ...(currentInfo?.versionStatus ? { currentStatus: currentInfo.versionStatus } : {}),
      ...(path.length > 0 ? { path } : {}),
      skew,
      warnings,
    };
  }

  const computeOf = (ref: ClusterRef) => compute.getCompute(ref);

  async function clusterUpdates(ref: ClusterRef): Promise<ClusterUpdates> {
    const at = await compute.locate(ref);
    return { items: (await compute.updatesOf(at)).map((update) => toUpdate(update)) };
  }

  const clusterArn = (ref: ClusterRef) => eksArn(ref.region, ref.accountId, `cluster/${ref.name}`);

  return {
    versionOptions,
    upgradePlan,
    clusterUpdates,

    async createCluster(
      request: CreateClusterRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const offered = await versionOptions(request.accountId, request.region);
      if (
        !offered.some(
          (option) => option.version === request.version && option.status !== 'UNSUPPORTED',
        )
      ) {
        throw new InputError(
          `EKS in ${request.region} does not offer Kubernetes ${request.version}.`,
          [{ field: 'version', message: `offered: ${offered.map((o) => o.version).join(', ')}` }],
        );
      }
      const ref = { accountId: request.accountId, region: request.region, name: request.name };
      const { clientRequestToken, ...params } = request;
      return change(
        ref,
        context,
        { action: 'cluster.create', target: clusterArn(ref), params },
        (eks) =>
          eks.createCluster({
            name: request.name,
            version: request.version,
            roleArn: request.roleArn,
            resourcesVpcConfig: {
              subnetIds: request.subnetIds,
              securityGroupIds: request.securityGroupIds,
              endpointPublicAccess: request.endpoint.endpointPublicAccess,
              endpointPrivateAccess: request.endpoint.endpointPrivateAccess,
              ...(request.endpoint.publicAccessCidrs
                ? { publicAccessCidrs: request.endpoint.publicAccessCidrs }
                : {}),
            },
            logging: {
              clusterLogging: [{ types: request.logTypes, enabled: true }],
            },
            ...(request.secretsKmsKeyArn
              ? {
                  encryptionConfig: [
                    { resources: ['secrets'], provider: { keyArn: request.secretsKmsKeyArn } },
                  ],
                }
              : {}),
            tags: request.tags,
            clientRequestToken,
          }),
      );
    },

    async updateVersion(
      ref: ClusterRef,
      request: UpdateClusterVersionRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const plan = await upgradePlan(ref);
      if (plan.next !== request.version) {
        throw new InputError(
          plan.next
            ? `EKS updates one minor version at a time: from ${plan.current} the next is ${plan.next}.`
            : `No newer version is available for this cluster (${plan.current}).`,
          [
            {
              field: 'version',
              message: plan.next ? `must be ${plan.next}` : 'no update available',
            },
          ],
        );
      }
      return change(
        ref,
        context,
        {
          action: 'cluster.update-version',
          target: clusterArn(ref),
          params: { from: plan.current, to: request.version },
        },
        (eks) =>
          eks.updateClusterVersion({
            name: ref.name,
            version: request.version,
            clientRequestToken: request.clientRequestToken,
          }),
      );
    },

    async updateLogging(
      ref: ClusterRef,
      request: UpdateLoggingRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const both = request.enable.filter((type) => request.disable.includes(type));
      if (both.length) {
        throw new InputError(`Log type ${both.join(', ')} cannot be both enabled and disabled.`, [
          { field: 'enable', message: 'overlaps disable' },
        ]);
      }
      const clusterLogging = [
        ...(request.enable.length
          ? [{ types: request.enable as EksLogType[], enabled: true }]
          : []),
        ...(request.disable.length
          ? [{ types: request.disable as EksLogType[], enabled: false }]
          : []),
      ];
      if (!clusterLogging.length) {
        throw new InputError('Nothing to change.', [
          { field: 'enable', message: 'enable or disable at least one log type' },
        ]);
      }
      return change(
        ref,
        context,
        {
          action: 'cluster.logging',
          target: clusterArn(ref),
          params: { enable: request.enable, disable: request.disable },
        },
        (eks) =>
          eks.updateClusterConfig({
            name: ref.name,
            logging: { clusterLogging },
            clientRequestToken: request.clientRequestToken,
          }),
      );
    },

    async updateEndpointAccess(
      ref: ClusterRef,
      request: UpdateEndpointAccessRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      return change(
        ref,
        context,
        { action: 'cluster.endpoint-access', target: clusterArn(ref), params: request.endpoint },
        (eks) =>
          eks.updateClusterConfig({
            name: ref.name,
            resourcesVpcConfig: request.endpoint,
            clientRequestToken: request.clientRequestToken,
          }),
      );
    },

    async updateTags(
      ref: ClusterRef,
      request: UpdateTagsRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      if (!Object.keys(request.add).length && !request.remove.length) {
        throw new InputError('Nothing to change.', [
          { field: 'add', message: 'add or remove at least one tag' },
        ]);
      }
      const resourceArn = clusterArn(ref);
      return runChange(
        context,
        { action: 'cluster.tags', target: resourceArn, params: request },
        async () => {
          const eks = await eksAs(ref.accountId, ref.region, context);
          // TagResource/UntagResource answer nothing but a request id; the later one is the one we keep.
          let requestId: string | undefined;
          if (request.remove.length) {
            ({ requestId } = await eks.untagResource(resourceArn, request.remove));
          }
          if (Object.keys(request.add).length) {
            ({ requestId } = await eks.tagResource(resourceArn, request.add));
          }
          return { result: {}, ...(requestId ? { requestId } : {}) };
        },
      );
    },

    async deleteCluster(
      ref: ClusterRef,
      request: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(request, ref.name);
      return change(
        ref,
        context,
        { action: 'cluster.delete', target: clusterArn(ref), params: {} },
        (eks) => eks.deleteCluster(ref.name),
      );
    },
  };
}
export type LifecycleService = ReturnType<typeof createLifecycleService>;
