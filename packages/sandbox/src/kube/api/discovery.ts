import {
  RESOURCE_TYPES,
  SERVES_ALL,
  servedGroups,
  type ServesType,
} from '../objects/resourceTypes.ts';

/** Legacy discovery documents (kubectl falls back to them when aggregated discovery is not offered). */

export function coreVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDocument(group: string, version: string) {
  const groupVersion = { groupVersion: `${group}/${version}`, version };
  return { name: group, versions: [groupVersion], preferredVersion: groupVersion };
}

export function groupList(serves: ServesType = SERVES_ALL): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: servedGroups(serves).map(({ group, version }) => groupDocument(group, version)),
  };
}

export function apiGroup(
  group: string,
  serves: ServesType = SERVES_ALL,
): Record<string, unknown> | undefined {
  const served = servedGroups(serves).find((entry) => entry.group === group);
  if (!served) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(served.group, served.version) };
}

/** The APIResourceList of one group version (undefined when the sandbox does not serve it). */
export function resourceList(
  group: string,
  version: string,
  serves: ServesType = SERVES_ALL,
): Record<string, unknown> | undefined {
  const types = RESOURCE_TYPES.filter(
    (type) => type.group === group && type.version === version && serves(type),
  );
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: types.flatMap((type) => [
      {
        name: type.plural,
        singularName: type.singular,
        namespaced: type.namespaced,
        kind: type.kind,
        verbs: type.verbs,
        ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
        ...(type.categories.length > 0 ? { categories: type.categories } : {}),
      },
      ...type.subresources.map((sub) => ({
        name: `${type.plural}/${sub.name}`,
        singularName: '',
        namespaced: type.namespaced,
        ...(sub.kind === 'Scale' ? { group: 'autoscaling', version: 'v1' } : {}),
        ...(sub.kind === 'Eviction' ? { group: 'policy', version: 'v1' } : {}),
        kind: sub.kind,
        verbs: sub.verbs,
      })),
    ]),
  };
}

/** The /version document: what `kubectl version` prints as the server version. */
export interface ServerVersion {
  gitVersion: string;
  platform?: string;
}

export function versionDocument(version: ServerVersion): Record<string, unknown> {
  const match = /^v(\d+)\.(\d+)/.exec(version.gitVersion);
  const major = match?.[1] ?? '1';
  const minor = match?.[2] ?? '0';
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Math.max(0, Number(minor) - 1)),
    gitVersion: version.gitVersion,
    gitCommit: '0e2ee3ba3a1a3f2c5c4e0a1f6c92e4f0b7dc8a11',
    gitTreeState: 'clean',
    buildDate: '2025-11-12T17:31:45Z',
    goVersion: 'go1.24.9',
    compiler: 'gc',
    platform: version.platform ?? 'linux/amd64',
  };
}
