import { randomUUID } from 'node:crypto';
import { JSON_SCHEMA, load as loadYaml } from 'js-yaml';
import { paginate, type Page, type PageRequest } from '../pagination.ts';
import type { RegionState, World } from '../world.ts';
import { compatibleVersions, defaultAddonVersion, findCatalogueAddon } from './addonCatalogue.ts';
import { describeAddonConfiguration } from './addonConfigurationSchemas.ts';
import { findEksCluster } from './clusters.ts';
import { eksErrors } from './eksErrors.ts';
import type { AddonRecord, EksClusterRecord, UpdateRecord } from './types.ts';
import { schemaViolations } from './jsonSchemaCheck.ts';
import { openUpdate } from './updates.ts';
import { validateRoleArn, validateTags } from './validation.ts';

/** EKS add-ons of a cluster: install, update, remove, on the world's clock. */

export type ResolveConflicts = 'NONE' | 'OVERWRITE' | 'PRESERVE';
const RESOLVE_CONFLICTS: readonly ResolveConflicts[] = ['NONE', 'OVERWRITE', 'PRESERVE'];

export interface CreateAddonInput {
  addonName: string;
  addonVersion?: string;
  serviceAccountRoleArn?: string;
  resolveConflicts?: string;
  configurationValues?: string;
  tags?: Record<string, string>;
}

export interface UpdateAddonInput {
  addonVersion?: string;
  serviceAccountRoleArn?: string;
  resolveConflicts?: string;
  configurationValues?: string;
}

export function addonArn(cluster: EksClusterRecord, addonName: string, uuid: string): string {
  return `arn:aws:eks:${cluster.region}:${cluster.accountId}:addon/${cluster.name}/${addonName}/${uuid}`;
}

export function findAddon(cluster: EksClusterRecord, addonName: string): AddonRecord {
  const addon = cluster.addons.get(addonName);
  if (!addon) throw eksErrors.addonNotFound(cluster.name, addonName);
  return addon;
}

function checkResolveConflicts(
  value: string | undefined,
  fields: Record<string, string>,
): ResolveConflicts | undefined {
  if (value === undefined) return undefined;
  if (!RESOLVE_CONFLICTS.includes(value as ResolveConflicts)) {
    throw eksErrors.invalidParameter(
      `1 validation error detected: Value '${value}' at 'resolveConflicts' failed to satisfy constraint: Member must satisfy enum value set: [OVERWRITE, NONE, PRESERVE]`,
      fields,
    );
  }
  return value as ResolveConflicts;
}

const NOT_SUPPORTED = 'ConfigurationValue provided in request is not supported';

/**
 * Configuration values as EKS takes them (a JSON or YAML object), checked against the schema
 * DescribeAddonConfiguration gives for the build being installed.
 */
function checkConfigurationValues(
  value: string | undefined,
  addonName: string,
  addonVersion: string,
  fields: Record<string, string>,
): void {
  if (value === undefined || value.trim() === '') return;
  let parsed: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both forms EKS accepts.
    parsed = loadYaml(value, { schema: JSON_SCHEMA });
  } catch {
    throw eksErrors.invalidParameter(`${NOT_SUPPORTED}: Json schema validation failed`, fields);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw eksErrors.invalidParameter(`${NOT_SUPPORTED}: Json schema validation failed`, fields);
  }
  const { schema } = describeAddonConfiguration(addonName, addonVersion);
  const violations = schemaViolations(schema, parsed);
  if (violations.length > 0) {
    throw eksErrors.invalidParameter(
      `${NOT_SUPPORTED}: Json schema validation failed with error: [${violations.join(', ')}]`,
      fields,
    );
  }
}

/** The version to install: the given one if it runs on the cluster's Kubernetes, else EKS's default. */
function resolveVersion(
  cluster: EksClusterRecord,
  addonName: string,
  requested: string | undefined,
  fields: Record<string, string>,
): string {
  const entry = findCatalogueAddon(addonName);
  const compatible = entry ? compatibleVersions(entry, cluster.version) : [];
  if (!entry || compatible.length === 0) {
    throw eksErrors.invalidParameter(
      `Addon ${addonName} specified is not supported in ${cluster.version} kubernetes version`,
      fields,
    );
  }
  if (requested === undefined) return defaultAddonVersion(entry, cluster.version)!;
  if (!compatible.some((version) => version.addonVersion === requested)) {
    throw eksErrors.invalidParameter(
      `Addon version ${requested} specified is not supported in ${cluster.version} kubernetes version`,
      fields,
    );
  }
  return requested;
}

function assertClusterReady(cluster: EksClusterRecord, fields: Record<string, string>): void {
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') {
    throw eksErrors.invalidRequest(
      `Cluster ${cluster.name} is in ${cluster.status} state.`,
      fields,
    );
  }
}

export function createAddon(
  world: World,
  state: RegionState,
  clusterName: string,
  input: CreateAddonInput,
): AddonRecord {
  const cluster = findEksCluster(state, clusterName);
  const fields = { clusterName, addonName: input.addonName };
  assertClusterReady(cluster, fields);
  if (cluster.addons.has(input.addonName)) {
    throw eksErrors.resourceInUse('Addon already exists.', fields);
  }
  checkResolveConflicts(input.resolveConflicts, fields);
  if (input.serviceAccountRoleArn !== undefined)
    validateRoleArn(input.serviceAccountRoleArn, 'serviceAccountRoleArn');
  validateTags(input.tags ?? {});
  const version = resolveVersion(cluster, input.addonName, input.addonVersion, fields);
  checkConfigurationValues(input.configurationValues, input.addonName, version, fields);
  const now = world.now();
  const addon: AddonRecord = {
    name: input.addonName,
    arn: addonArn(cluster, input.addonName, randomUUID()),
    clusterName,
    status: 'CREATING',
    addonVersion: version,
    health: [],
    createdAt: now,
    modifiedAt: now,
    ...(input.serviceAccountRoleArn ? { serviceAccountRoleArn: input.serviceAccountRoleArn } : {}),
    ...(input.configurationValues ? { configurationValues: input.configurationValues } : {}),
    podIdentityAssociations: [],
    tags: { ...(input.tags ?? {}) },
    conflicts: [],
    updates: [],
  };
  cluster.addons.set(addon.name, addon);
  world.scheduler.after(world.timings.addonCreateMs, () => {
    if (cluster.addons.get(addon.name) === addon && addon.status === 'CREATING') {
      addon.status = 'ACTIVE';
      addon.modifiedAt = world.now();
    }
  });
  return addon;
}

/**
 * UpdateAddon: UPDATING, then ACTIVE with the new version. Fields changed
 * outside EKS make an update with resolveConflicts NONE (the default) fail
 * with ConfigurationConflict; OVERWRITE replaces them, PRESERVE keeps them.
 */
export function updateAddon(
  world: World,
  state: RegionState,
  clusterName: string,
  addonName: string,
  input: UpdateAddonInput,
): UpdateRecord {
  const cluster = findEksCluster(state, clusterName);
  const fields = { clusterName, addonName };
  const addon = findAddon(cluster, addonName);
  const resolve = checkResolveConflicts(input.resolveConflicts, fields) ?? 'NONE';
  if (input.serviceAccountRoleArn !== undefined && input.serviceAccountRoleArn !== '')
    validateRoleArn(input.serviceAccountRoleArn, 'serviceAccountRoleArn');
  if (addon.status === 'CREATING' || addon.status === 'UPDATING' || addon.status === 'DELETING') {
    throw eksErrors.resourceInUse(
      `Addon ${addonName} cannot be updated as it is currently in ${addon.status} state`,
      fields,
    );
  }
  const version =
    input.addonVersion !== undefined
      ? resolveVersion(cluster, addonName, input.addonVersion, fields)
      : addon.addonVersion;
  checkConfigurationValues(input.configurationValues, addonName, version, fields);
  const params: UpdateRecord['params'] = [{ type: 'AddonVersion', value: version }];
  if (input.resolveConflicts !== undefined)
    params.push({ type: 'ResolveConflicts', value: resolve });
  if (input.configurationValues !== undefined)
    params.push({ type: 'ConfigurationValues', value: input.configurationValues });
  if (input.serviceAccountRoleArn !== undefined)
    params.push({ type: 'ServiceAccountRoleArn', value: input.serviceAccountRoleArn });
  const previous = addon.status;
  const update = openUpdate(world, addon, 'AddonUpdate', params);
  addon.status = 'UPDATING';
  addon.modifiedAt = world.now();
  world.scheduler.after(world.timings.addonUpdateMs, () => {
    if (update.status !== 'InProgress' || cluster.addons.get(addonName) !== addon) return;
    addon.modifiedAt = world.now();
    if (resolve === 'NONE' && addon.conflicts.length > 0) {
      update.status = 'Failed';
      update.errors.push({
        errorCode: 'ConfigurationConflict',
        errorMessage: `Conflicts found when trying to apply. Will not continue due to resolve conflicts mode. Conflicts: ${addon.conflicts.join(', ')}`,
        resourceIds: [],
      });
      addon.status = previous === 'DEGRADED' ? 'DEGRADED' : 'ACTIVE';
      return;
    }
    addon.addonVersion = version;
    if (input.configurationValues !== undefined) {
      if (input.configurationValues === '') delete addon.configurationValues;
      else addon.configurationValues = input.configurationValues;
    }
    if (input.serviceAccountRoleArn !== undefined) {
      if (input.serviceAccountRoleArn === '') delete addon.serviceAccountRoleArn;
      else addon.serviceAccountRoleArn = input.serviceAccountRoleArn;
    }
    if (resolve === 'OVERWRITE') addon.conflicts = [];
    // A new rollout replaces the pods that were failing.
    addon.health = [];
    addon.status = 'ACTIVE';
    update.status = 'Successful';
  });
  return update;
}

/** DeleteAddon: DELETING, then gone; `preserve` keeps the Kubernetes objects (nothing the sandbox models). */
export function deleteAddon(
  world: World,
  state: RegionState,
  clusterName: string,
  addonName: string,
): AddonRecord {
  const cluster = findEksCluster(state, clusterName);
  const addon = findAddon(cluster, addonName);
  if (addon.status === 'DELETING') return addon;
  addon.status = 'DELETING';
  addon.modifiedAt = world.now();
  world.scheduler.after(world.timings.addonDeleteMs, () => {
    if (cluster.addons.get(addonName) === addon) cluster.addons.delete(addonName);
  });
  return addon;
}

export function listAddonNames(cluster: EksClusterRecord, request: PageRequest): Page<string> {
  const page = paginate([...cluster.addons.values()], (addon) => addon.name, request);
  return page.nextToken
    ? { items: page.items.map((addon) => addon.name), nextToken: page.nextToken }
    : { items: page.items.map((addon) => addon.name) };
}
