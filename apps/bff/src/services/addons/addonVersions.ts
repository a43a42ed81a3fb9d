import type { AddonInfo } from '@aws-sdk/client-eks';

/** Where an installed add-on build stands among the builds EKS offers for the cluster's Kubernetes version. */
export interface AddonStanding {
  defaultVersion?: string;
  latestVersion?: string;
  newerVersions: string[];
  updateAvailable: boolean;
  behindDefault: boolean;
}

/** `v1.19.2-eksbuild.1` → [1, 19, 2, 1]; unknown parts count as 0. */
function parts(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

/** Orders add-on builds oldest first: upstream version, then the eksbuild number. */
export function compareAddonVersions(a: string, b: string): number {
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.localeCompare(b);
}

/** The builds of one add-on that run on a Kubernetes version, newest first, and EKS's default among them. */
export function buildsFor(
  info: AddonInfo | undefined,
  kubernetesVersion: string,
): { versions: string[]; defaultVersion?: string } {
  const compatible = (info?.addonVersions ?? []).filter((version) =>
    version.compatibilities?.some((c) => c.clusterVersion === kubernetesVersion),
  );
  const versions = compatible
    .map((version) => version.addonVersion)
    .filter((version): version is string => version !== undefined)
    .sort((a, b) => compareAddonVersions(b, a));
  const defaultVersion = compatible.find((version) =>
    version.compatibilities?.some(
      (c) => c.clusterVersion === kubernetesVersion && c.defaultVersion === true,
    ),
  )?.addonVersion;
  return defaultVersion ? { versions, defaultVersion } : { versions };
}

export function standingOf(
  installed: string,
  info: AddonInfo | undefined,
  kubernetesVersion: string | undefined,
): AddonStanding {
  if (!kubernetesVersion)
    return { newerVersions: [], updateAvailable: false, behindDefault: false };
  const { versions, defaultVersion } = buildsFor(info, kubernetesVersion);
  const newerVersions = versions.filter((version) => compareAddonVersions(version, installed) > 0);
  return {
    ...(defaultVersion ? { defaultVersion } : {}),
    ...(versions[0] ? { latestVersion: versions[0] } : {}),
    newerVersions,
    updateAvailable: newerVersions.length > 0,
    behindDefault:
      defaultVersion !== undefined && compareAddonVersions(installed, defaultVersion) < 0,
  };
}
