import { grantAutomaticAccessEntries } from './accessEntries.ts';
import type { RegionState, World } from '../world.ts';
import { findVersion, minorOf, versionStatus, type KubernetesVersion } from '../versionCalendar.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import type { AuthenticationMode, EksClusterRecord, UpdateRecord } from './types.ts';
import { startUpdate } from './updates.ts';
import {
  applyLogging,
  validatePublicAccessCidrs,
  validateSubnetIds,
  type LoggingInput,
} from './validation.ts';

/** UpdateClusterConfig's members; exactly one kind of change per call, as EKS requires. */
export interface UpdateClusterConfigInput {
  logging?: LoggingInput;
  resourcesVpcConfig?: {
    subnetIds?: string[];
    securityGroupIds?: string[];
    endpointPublicAccess?: boolean;
    endpointPrivateAccess?: boolean;
    publicAccessCidrs?: string[];
  };
  accessConfig?: { authenticationMode?: string };
  upgradePolicy?: { supportType?: string };
  zonalShiftConfig?: { enabled?: boolean };
  deletionProtection?: boolean;
  /** Members EKS has but the sandbox does not simulate; present → refused, not silently ignored. */
  unsupported?: string[];
}

const AUTH_MODE_ORDER: AuthenticationMode[] = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'];

function assertUpdatable(cluster: EksClusterRecord): void {
  if (cluster.status === 'ACTIVE') return;
  const inProgress = cluster.updates.find((update) => update.status === 'InProgress');
  throw eksErrors.resourceInUse(
    inProgress
      ? `Cluster ${cluster.name} has update ${inProgress.id} in progress; only one update may run at a time.`
      : `Cluster ${cluster.name} is in ${cluster.status} state; it can be updated only when ACTIVE.`,
    { clusterName: cluster.name },
  );
}

/** A prepared change: the update record's type and params, and what to apply when it completes. */
interface PlannedChange {
  type: string;
  params: UpdateRecord['params'];
  apply: () => void;
}

function noChange(message: string, cluster: EksClusterRecord) {
  return eksErrors.invalidParameter(message, { clusterName: cluster.name });
}

function planLogging(cluster: EksClusterRecord, logging: LoggingInput): PlannedChange {
  const next = applyLogging(cluster.logging, logging);
  if (next.size === cluster.logging.size && [...next].every((type) => cluster.logging.has(type))) {
    throw noChange('No changes needed for the logging config provided', cluster);
  }
  return {
    type: 'LoggingUpdate',
    params: [{ type: 'ClusterLogging', value: JSON.stringify(logging) }],
    apply: () => {
      cluster.logging = next;
    },
  };
}

function planVpc(
  cluster: EksClusterRecord,
  vpc: NonNullable<UpdateClusterConfigInput['resourcesVpcConfig']>,
): PlannedChange {
  const endpointChange =
    vpc.endpointPublicAccess !== undefined ||
    vpc.endpointPrivateAccess !== undefined ||
    vpc.publicAccessCidrs !== undefined;
  const networkChange = vpc.subnetIds !== undefined || vpc.securityGroupIds !== undefined;
  if (endpointChange && networkChange) {
    throw eksErrors.invalidParameter('Only one type of update can be allowed.', {
      clusterName: cluster.name,
    });
  }
  if (networkChange) {
    const subnetIds = vpc.subnetIds ?? cluster.vpc.subnetIds;
    validateSubnetIds(subnetIds);
    if (new Set(subnetIds).size < 2) {
      throw eksErrors.invalidParameter('Subnets specified must be in at least two different AZs', {
        clusterName: cluster.name,
      });
    }
    const securityGroupIds = vpc.securityGroupIds ?? cluster.vpc.securityGroupIds;
    if (securityGroupIds.length > 5) {
      throw eksErrors.invalidParameter('A cluster can have at most 5 security groups.');
    }
    const params: UpdateRecord['params'] = [];
    if (vpc.subnetIds) params.push({ type: 'Subnets', value: JSON.stringify(subnetIds) });
    if (vpc.securityGroupIds)
      params.push({ type: 'SecurityGroups', value: JSON.stringify(securityGroupIds) });
    return {
      type: 'VpcConfigUpdate',
      params,
      apply: () => {
        cluster.vpc = { ...cluster.vpc, subnetIds, securityGroupIds };
      },
    };
  }
  const publicAccess = vpc.endpointPublicAccess ?? cluster.vpc.endpointPublicAccess;
  const privateAccess = vpc.endpointPrivateAccess ?? cluster.vpc.endpointPrivateAccess;
  const cidrs = vpc.publicAccessCidrs ?? cluster.vpc.publicAccessCidrs;
  if (!publicAccess && !privateAccess) {
    throw eksErrors.invalidParameter(
      'Cluster must have either public or private endpoint access enabled.',
      {
        clusterName: cluster.name,
      },
    );
  }
  validatePublicAccessCidrs(cidrs);
  const sameCidrs =
    cidrs.length === cluster.vpc.publicAccessCidrs.length &&
    cidrs.every((cidr) => cluster.vpc.publicAccessCidrs.includes(cidr));
  if (
    publicAccess === cluster.vpc.endpointPublicAccess &&
    privateAccess === cluster.vpc.endpointPrivateAccess &&
    sameCidrs
  ) {
    throw noChange(
      `Cluster is already at the desired configuration with endpointPrivateAccess: ${privateAccess} , endpointPublicAccess: ${publicAccess}, and Public Endpoint Restrictions: ${cidrs.join(',')}`,
      cluster,
    );
  }
  const params: UpdateRecord['params'] = [];
  if (vpc.endpointPublicAccess !== undefined)
    params.push({ type: 'EndpointPublicAccess', value: String(publicAccess) });
  if (vpc.endpointPrivateAccess !== undefined)
    params.push({ type: 'EndpointPrivateAccess', value: String(privateAccess) });
  if (vpc.publicAccessCidrs !== undefined)
    params.push({ type: 'PublicAccessCidrs', value: JSON.stringify(cidrs) });
  return {
    type: 'EndpointAccessUpdate',
    params,
    apply: () => {
      cluster.vpc = {
        ...cluster.vpc,
        endpointPublicAccess: publicAccess,
        endpointPrivateAccess: privateAccess,
        publicAccessCidrs: cidrs,
      };
    },
  };
}

function planAccess(
  cluster: EksClusterRecord,
  mode: string | undefined,
  now: () => Date,
): PlannedChange {
  const current = cluster.accessConfig.authenticationMode;
  const next = mode as AuthenticationMode;
  if (!AUTH_MODE_ORDER.includes(next)) {
    throw eksErrors.invalidParameter(`Unsupported authentication mode: ${String(mode)}`);
  }
  if (next === current)
    throw noChange(`Cluster is already at authentication mode ${current}.`, cluster);
  if (AUTH_MODE_ORDER.indexOf(next) < AUTH_MODE_ORDER.indexOf(current)) {
    throw eksErrors.invalidParameter(
      `Unsupported authentication mode update from ${current} to ${next}`,
      {
        clusterName: cluster.name,
      },
    );
  }
  return {
    type: 'AccessConfigUpdate',
    params: [{ type: 'AuthenticationMode', value: next }],
    apply: () => {
      cluster.accessConfig = { ...cluster.accessConfig, authenticationMode: next };
      if (current === 'CONFIG_MAP') grantAutomaticAccessEntries(cluster, now());
    },
  };
}

function planUpgradePolicy(
  cluster: EksClusterRecord,
  supportType: string | undefined,
): PlannedChange {
  if (supportType !== 'STANDARD' && supportType !== 'EXTENDED') {
    throw eksErrors.invalidParameter(`Unsupported support type: ${String(supportType)}`);
  }
  if (supportType === cluster.supportType) {
    throw noChange(`Cluster is already at upgrade policy ${supportType}.`, cluster);
  }
  return {
    type: 'UpgradePolicyUpdate',
    params: [{ type: 'UpgradePolicy', value: JSON.stringify({ supportType }) }],
    apply: () => {
      cluster.supportType = supportType;
    },
  };
}

function planFlag(
  cluster: EksClusterRecord,
  type: string,
  paramType: string,
  value: boolean,
  current: boolean,
  apply: (value: boolean) => void,
): PlannedChange {
  if (value === current) throw noChange(`Cluster is already at ${paramType}: ${value}.`, cluster);
  return { type, params: [{ type: paramType, value: String(value) }], apply: () => apply(value) };
}

export function updateClusterConfig(
  world: World,
  state: RegionState,
  name: string,
  input: UpdateClusterConfigInput,
): UpdateRecord {
  const cluster = findEksCluster(state, name);
  if (input.unsupported && input.unsupported.length > 0) {
    throw eksErrors.invalidRequest(
      `The sandbox does not simulate updates of ${input.unsupported.join(', ')}.`,
      { clusterName: name },
    );
  }
  const kinds = (
    [
      'logging',
      'resourcesVpcConfig',
      'accessConfig',
      'upgradePolicy',
      'zonalShiftConfig',
      'deletionProtection',
    ] as const
  ).filter((kind) => input[kind] !== undefined);
  if (kinds.length === 0) {
    throw eksErrors.invalidParameter('No changes were requested.', { clusterName: name });
  }
  if (kinds.length > 1) {
    throw eksErrors.invalidParameter('Only one type of update can be allowed.', {
      clusterName: name,
    });
  }
  assertUpdatable(cluster);
  const kind = kinds[0]!;
  let change: PlannedChange;
  switch (kind) {
    case 'logging':
      change = planLogging(cluster, input.logging!);
      break;
    case 'resourcesVpcConfig':
      change = planVpc(cluster, input.resourcesVpcConfig!);
      break;
    case 'accessConfig':
      change = planAccess(cluster, input.accessConfig!.authenticationMode, () => world.now());
      break;
    case 'upgradePolicy':
      change = planUpgradePolicy(cluster, input.upgradePolicy!.supportType);
      break;
    case 'zonalShiftConfig':
      change = planFlag(
        cluster,
        'ZonalShiftConfigUpdate',
        'ZonalShiftConfig',
        input.zonalShiftConfig!.enabled ?? false,
        cluster.zonalShift,
        (value) => {
          cluster.zonalShift = value;
        },
      );
      break;
    case 'deletionProtection':
      change = planFlag(
        cluster,
        'DeletionProtectionUpdate',
        'DeletionProtection',
        input.deletionProtection!,
        cluster.deletionProtection,
        (value) => {
          cluster.deletionProtection = value;
        },
      );
      break;
  }
  return runClusterUpdate(world, state, cluster, change);
}

function runClusterUpdate(
  world: World,
  state: RegionState,
  cluster: EksClusterRecord,
  change: PlannedChange,
): UpdateRecord {
  cluster.status = 'UPDATING';
  return startUpdate(
    world,
    cluster,
    change.type,
    change.params,
    world.timings.clusterUpdateMs,
    () => {
      change.apply();
      if (state.clusters.get(cluster.name) === cluster && cluster.status === 'UPDATING') {
        cluster.status = 'ACTIVE';
      }
    },
  );
}

/**
 * EKS never moves a cluster onto a version past extended support, except on the way out: a cluster
 * left on such a version (EKS upgrades it itself, at a time of its choosing) may step through each
 * later minor until it reaches the oldest one EKS still supports, one update at a time.
 */
function onUpgradePath(current: string, target: KubernetesVersion, now: Date): boolean {
  if (versionStatus(target, now) !== 'UNSUPPORTED') return true;
  const from = findVersion(current);
  return from !== undefined && versionStatus(from, now) === 'UNSUPPORTED';
}

export function updateClusterVersion(
  world: World,
  state: RegionState,
  name: string,
  input: { version: string; force?: boolean },
): UpdateRecord {
  const cluster = findEksCluster(state, name);
  assertUpdatable(cluster);
  const now = world.now();
  const target = findVersion(input.version);
  const currentMinor = minorOf(cluster.version);
  const targetMinor = minorOf(input.version);
  if (
    !target ||
    target.releaseDate > now ||
    currentMinor === undefined ||
    targetMinor !== currentMinor + 1 ||
    !onUpgradePath(cluster.version, target, now)
  ) {
    throw eksErrors.invalidParameter(
      `Unsupported Kubernetes minor version update from ${cluster.version} to ${input.version}`,
      { clusterName: name },
    );
  }
  const behind = [...cluster.nodegroups.values()].find(
    (nodegroup) => nodegroup.version !== cluster.version,
  );
  if (behind) {
    throw eksErrors.invalidRequest(
      `Nodegroup ${behind.name} must be updated to match cluster version ${cluster.version} before updating cluster version`,
      { clusterName: name, nodegroupName: behind.name },
    );
  }
  return runClusterUpdate(world, state, cluster, {
    type: 'VersionUpdate',
    params: [
      { type: 'Version', value: target.version },
      { type: 'PlatformVersion', value: target.platformVersion },
    ],
    apply: () => {
      cluster.version = target.version;
      cluster.platformVersion = target.platformVersion;
    },
  });
}
