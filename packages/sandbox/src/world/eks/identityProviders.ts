import { randomUUID } from 'node:crypto';
import { AwsError } from '../../awsError.ts';
import { paginate, type Page, type PageRequest } from '../pagination.ts';
import type { RegionState, World } from '../world.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import type { EksClusterRecord, IdentityProviderConfigRecord, UpdateRecord } from './types.ts';
import { startUpdate } from './updates.ts';
import { validateResourceName, validateTags } from './validation.ts';

/** OIDC identity provider configs of a cluster, with EKS's rules: one per cluster, applied as a cluster update. */

export interface AssociateOidcInput {
  identityProviderConfigName: string;
  issuerUrl: string;
  clientId: string;
  usernameClaim?: string;
  usernamePrefix?: string;
  groupsClaim?: string;
  groupsPrefix?: string;
  requiredClaims?: Record<string, string>;
  tags?: Record<string, string>;
}

/** EKS's only identity provider type. */
const OIDC = 'oidc';

function configParam(name: string) {
  return [{ type: 'IdentityProviderConfig', value: JSON.stringify([{ type: OIDC, name }]) }];
}

function configNotFound(cluster: EksClusterRecord, name: string): AwsError {
  return new AwsError(
    'ResourceNotFoundException',
    404,
    `No identity provider config found with name: ${name}.`,
    { clusterName: cluster.name },
  );
}

function requireOidcType(type: string, cluster: EksClusterRecord): void {
  if (type !== OIDC) {
    throw eksErrors.invalidParameter(
      `The identity provider config type '${type}' is invalid. Valid values are oidc.`,
      { clusterName: cluster.name },
    );
  }
}

/** The cluster takes one change at a time: EKS refuses while it is not ACTIVE. */
function requireActive(cluster: EksClusterRecord): void {
  if (cluster.status !== 'ACTIVE') {
    throw eksErrors.resourceInUse(`Cluster ${cluster.name} is in ${cluster.status} state.`, {
      clusterName: cluster.name,
    });
  }
}

function validatePrefix(value: string | undefined, member: string, cluster: EksClusterRecord) {
  if (value?.startsWith('system:')) {
    throw eksErrors.invalidParameter(`The ${member} '${value}' can't start with 'system:'.`, {
      clusterName: cluster.name,
    });
  }
}

export function associateIdentityProviderConfig(
  world: World,
  state: RegionState,
  clusterName: string,
  input: AssociateOidcInput,
): { update: UpdateRecord; config: IdentityProviderConfigRecord } {
  const cluster = findEksCluster(state, clusterName);
  const fields = { clusterName };
  validateResourceName(input.identityProviderConfigName, 'oidc.identityProviderConfigName');
  let issuer: URL | undefined;
  try {
    issuer = new URL(input.issuerUrl);
  } catch {
    issuer = undefined;
  }
  if (issuer?.protocol !== 'https:') {
    throw eksErrors.invalidParameter(
      `The issuerUrl '${input.issuerUrl}' is invalid: it must be an https URL.`,
      fields,
    );
  }
  if (input.clientId.length === 0) {
    throw eksErrors.invalidParameter('The clientId must not be empty.', fields);
  }
  validatePrefix(input.usernamePrefix, 'usernamePrefix', cluster);
  validatePrefix(input.groupsPrefix, 'groupsPrefix', cluster);
  validateTags(input.tags ?? {});
  if (cluster.identityProviderConfigs.has(input.identityProviderConfigName)) {
    throw eksErrors.resourceInUse(
      `An identity provider config with name ${input.identityProviderConfigName} is already associated with this cluster.`,
      fields,
    );
  }
  if (cluster.identityProviderConfigs.size > 0) {
    throw eksErrors.invalidRequest(
      'A cluster can have only one OIDC identity provider config associated with it.',
      fields,
    );
  }
  requireActive(cluster);
  const config: IdentityProviderConfigRecord = {
    name: input.identityProviderConfigName,
    arn: `arn:aws:eks:${cluster.region}:${cluster.accountId}:identityproviderconfig/${cluster.name}/${OIDC}/${input.identityProviderConfigName}/${randomUUID()}`,
    clusterName: cluster.name,
    issuerUrl: input.issuerUrl,
    clientId: input.clientId,
    ...(input.usernameClaim !== undefined ? { usernameClaim: input.usernameClaim } : {}),
    ...(input.usernamePrefix !== undefined ? { usernamePrefix: input.usernamePrefix } : {}),
    ...(input.groupsClaim !== undefined ? { groupsClaim: input.groupsClaim } : {}),
    ...(input.groupsPrefix !== undefined ? { groupsPrefix: input.groupsPrefix } : {}),
    requiredClaims: { ...input.requiredClaims },
    tags: { ...input.tags },
    status: 'CREATING',
  };
  cluster.identityProviderConfigs.set(config.name, config);
  cluster.status = 'UPDATING';
  const update = startUpdate(
    world,
    cluster,
    'AssociateIdentityProviderConfig',
    configParam(config.name),
    world.timings.clusterUpdateMs,
    () => {
      if (config.status === 'CREATING') config.status = 'ACTIVE';
      if (cluster.status === 'UPDATING') cluster.status = 'ACTIVE';
    },
  );
  return { update, config };
}

export function describeIdentityProviderConfig(
  state: RegionState,
  clusterName: string,
  type: string,
  name: string,
): IdentityProviderConfigRecord {
  const cluster = findEksCluster(state, clusterName);
  requireOidcType(type, cluster);
  const config = cluster.identityProviderConfigs.get(name);
  if (!config) throw configNotFound(cluster, name);
  return config;
}

export function listIdentityProviderConfigs(
  state: RegionState,
  clusterName: string,
  request: PageRequest,
): Page<IdentityProviderConfigRecord> {
  const cluster = findEksCluster(state, clusterName);
  return paginate([...cluster.identityProviderConfigs.values()], (config) => config.name, request);
}

export function disassociateIdentityProviderConfig(
  world: World,
  state: RegionState,
  clusterName: string,
  type: string,
  name: string,
): UpdateRecord {
  const config = describeIdentityProviderConfig(state, clusterName, type, name);
  const cluster = findEksCluster(state, clusterName);
  if (config.status !== 'ACTIVE') {
    throw eksErrors.resourceInUse(
      `Identity provider config ${name} is in ${config.status} state.`,
      { clusterName },
    );
  }
  requireActive(cluster);
  config.status = 'DELETING';
  cluster.status = 'UPDATING';
  return startUpdate(
    world,
    cluster,
    'DisassociateIdentityProviderConfig',
    configParam(name),
    world.timings.clusterUpdateMs,
    () => {
      if (cluster.identityProviderConfigs.get(name) === config)
        cluster.identityProviderConfigs.delete(name);
      if (cluster.status === 'UPDATING') cluster.status = 'ACTIVE';
    },
  );
}
