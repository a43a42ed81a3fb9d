import { randomBytes, randomUUID } from 'node:crypto';
import { AwsError } from '../../awsError.ts';
import type { RegionState, World } from '../world.ts';
import { clusterArn } from './arns.ts';
import { findCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import type { ClusterRecord, ConnectedClusterRecord } from './types.ts';
import { validateResourceName, validateRoleArn, validateTags } from './validation.ts';

export const CONNECTOR_PROVIDERS = [
  'EKS_ANYWHERE',
  'ANTHOS',
  'GKE',
  'AKS',
  'OPENSHIFT',
  'TANZU',
  'RANCHER',
  'EC2',
  'OTHER',
] as const;

export interface RegisterClusterInput {
  name: string;
  connectorConfig: { roleArn: string; provider: string };
  tags?: Record<string, string>;
  clientRequestToken?: string;
}

/** EKS Connector activation codes: 20 characters of [A-Za-z0-9]. */
function activationCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(20)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function registerCluster(
  world: World,
  state: RegionState,
  input: RegisterClusterInput,
): ConnectedClusterRecord {
  validateResourceName(input.name, 'name');
  const { provider, roleArn } = input.connectorConfig;
  if (!(CONNECTOR_PROVIDERS as readonly string[]).includes(provider)) {
    throw eksErrors.invalidParameter(
      `1 validation error detected: Value '${provider}' at 'connectorConfig.provider' failed to satisfy constraint: Member must satisfy enum value set: [${CONNECTOR_PROVIDERS.join(', ')}]`,
    );
  }
  validateRoleArn(roleArn, 'connectorConfig.roleArn');
  const tags = input.tags ?? {};
  validateTags(tags);
  if (state.clusters.has(input.name)) {
    throw eksErrors.resourceInUse(`Cluster already exists with name: ${input.name}`, {
      clusterName: input.name,
    });
  }
  const now = world.now();
  const cluster: ConnectedClusterRecord = {
    kind: 'connected',
    name: input.name,
    arn: clusterArn(state.region, state.accountId, input.name),
    accountId: state.accountId,
    region: state.region,
    createdAt: now,
    status: 'PENDING',
    tags: { ...tags },
    ...(input.clientRequestToken ? { clientRequestToken: input.clientRequestToken } : {}),
    health: [],
    connector: {
      activationId: randomUUID(),
      activationCode: activationCode(),
      activationExpiry: new Date(now.getTime() + world.timings.activationLifetimeMs),
      provider,
      roleArn,
    },
  };
  state.clusters.set(cluster.name, cluster);
  return cluster;
}

export function deregisterCluster(world: World, state: RegionState, name: string): ClusterRecord {
  const cluster = findCluster(state, name);
  if (cluster.kind !== 'connected') {
    throw new AwsError(
      'ResourceNotFoundException',
      404,
      `No registered cluster found for name: ${name}. Use DeleteCluster to delete an Amazon EKS cluster.`,
      { clusterName: name },
    );
  }
  if (cluster.status === 'DELETING') return cluster;
  cluster.status = 'DELETING';
  world.scheduler.after(world.timings.deregisterMs, () => {
    if (state.clusters.get(name) === cluster) state.clusters.delete(name);
  });
  return cluster;
}

/** The EKS Connector agent called home: the cluster turns ACTIVE (used by the admin API and the seed). */
export function activateConnectedCluster(cluster: ConnectedClusterRecord): void {
  if (cluster.status !== 'PENDING') {
    throw eksErrors.invalidRequest(`Cluster ${cluster.name} is ${cluster.status}, not PENDING.`);
  }
  cluster.status = 'ACTIVE';
}

/** Activations unused past their expiry fail, as EKS Connector's do. Runs on every tick. */
export function expireActivations(world: World): void {
  const now = world.now();
  for (const state of world.regionStates()) {
    for (const cluster of state.clusters.values()) {
      if (
        cluster.kind === 'connected' &&
        cluster.status === 'PENDING' &&
        cluster.connector.activationExpiry <= now
      ) {
        cluster.status = 'FAILED';
        cluster.health = [
          {
            code: 'ClusterUnreachable',
            message:
              'The activation expired before the EKS Connector agent registered the cluster.',
          },
        ];
      }
    }
  }
}
