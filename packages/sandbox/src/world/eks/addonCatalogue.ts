import { KUBERNETES_VERSIONS, minorOf } from '../versionCalendar.ts';

/**
 * The EKS add-on catalogue the sandbox offers (DescribeAddonVersions): the
 * usual AWS add-ons, each version with the Kubernetes minors it supports.
 * Version strings follow EKS's `v<upstream>-eksbuild.<n>`; the default for a
 * Kubernetes version is, as on EKS, often not the newest compatible build.
 */

/** One version of an add-on and the Kubernetes minors (inclusive) it runs on. */
export interface AddonVersionEntry {
  addonVersion: string;
  fromMinor: number;
  toMinor: number;
  requiresIamPermissions: boolean;
}

/** One add-on of the catalogue; versions newest first, as EKS lists them. */
export interface AddonCatalogueEntry {
  addonName: string;
  type: string;
  publisher: string;
  owner: string;
  defaultNamespace: string;
  versions: AddonVersionEntry[];
}

const v = (
  addonVersion: string,
  fromMinor: number,
  toMinor: number,
  requiresIamPermissions = false,
): AddonVersionEntry => ({ addonVersion, fromMinor, toMinor, requiresIamPermissions });

/** kube-proxy ships one build line per Kubernetes minor: two builds each, the newer one patched. */
function kubeProxyVersions(): AddonVersionEntry[] {
  const versions: AddonVersionEntry[] = [];
  for (const release of [...KUBERNETES_VERSIONS].reverse()) {
    const minor = minorOf(release.version)!;
    const patch = Number(release.patchVersion.split('.')[2] ?? 0);
    versions.push(v(`v${release.version}.${patch}-eksbuild.2`, minor, minor));
    if (patch > 0) versions.push(v(`v${release.version}.${patch - 1}-eksbuild.1`, minor, minor));
  }
  return versions;
}

export const ADDON_CATALOGUE: readonly AddonCatalogueEntry[] = [
  {
    addonName: 'vpc-cni',
    type: 'networking',
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace: 'kube-system',
    versions: [
      v('v1.21.1-eksbuild.1', 29, 36, true),
      v('v1.20.4-eksbuild.2', 28, 36, true),
      v('v1.19.2-eksbuild.1', 27, 34, true),
      v('v1.18.6-eksbuild.1', 26, 32, true),
      v('v1.16.4-eksbuild.2', 23, 30, true),
    ],
  },
  {
    addonName: 'coredns',
    type: 'networking',
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace: 'kube-system',
    versions: [
      v('v1.12.4-eksbuild.1', 34, 36),
      v('v1.12.1-eksbuild.2', 33, 36),
      v('v1.11.4-eksbuild.14', 31, 33),
      v('v1.11.3-eksbuild.2', 29, 32),
      v('v1.11.1-eksbuild.9', 29, 30),
      v('v1.10.1-eksbuild.18', 23, 28),
    ],
  },
  {
    addonName: 'kube-proxy',
    type: 'networking',
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace: 'kube-system',
    versions: kubeProxyVersions(),
  },
  {
    addonName: 'aws-ebs-csi-driver',
    type: 'storage',
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace: 'kube-system',
    versions: [
      v('v1.48.0-eksbuild.1', 28, 36, true),
      v('v1.45.0-eksbuild.2', 27, 36, true),
      v('v1.41.0-eksbuild.1', 25, 34, true),
      v('v1.35.0-eksbuild.2', 23, 31, true),
    ],
  },
  {
    addonName: 'eks-pod-identity-agent',
    type: 'security',
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace: 'kube-system',
    versions: [
      v('v1.3.8-eksbuild.2', 26, 36),
      v('v1.3.7-eksbuild.2', 25, 36),
      v('v1.3.4-eksbuild.1', 24, 33),
    ],
  },
  {
    addonName: 'amazon-cloudwatch-observability',
    type: 'observability',
    publisher: 'eks',
    owner: 'aws',
    defaultNamespace: 'amazon-cloudwatch',
    versions: [v('v4.1.0-eksbuild.1', 28, 36, true), v('v3.6.0-eksbuild.1', 25, 34, true)],
  },
];

export function findCatalogueAddon(addonName: string): AddonCatalogueEntry | undefined {
  return ADDON_CATALOGUE.find((entry) => entry.addonName === addonName);
}

/** The versions of an add-on that run on a Kubernetes version, newest first. */
export function compatibleVersions(
  entry: AddonCatalogueEntry,
  kubernetesVersion: string,
): AddonVersionEntry[] {
  const minor = minorOf(kubernetesVersion);
  if (minor === undefined) return [];
  return entry.versions.filter((version) => version.fromMinor <= minor && minor <= version.toMinor);
}

/** EKS's default for new installs on that Kubernetes version: the second-newest compatible build when there are several. */
export function defaultAddonVersion(
  entry: AddonCatalogueEntry,
  kubernetesVersion: string,
): string | undefined {
  const compatible = compatibleVersions(entry, kubernetesVersion);
  return (compatible[1] ?? compatible[0])?.addonVersion;
}

/** The Kubernetes versions (of the calendar) a build supports. */
export function clusterVersionsOf(version: AddonVersionEntry): string[] {
  return KUBERNETES_VERSIONS.map((release) => release.version).filter((release) => {
    const minor = minorOf(release)!;
    return version.fromMinor <= minor && minor <= version.toMinor;
  });
}

export interface DescribeAddonVersionsInput {
  kubernetesVersion?: string;
  addonName?: string;
  types?: string[];
  publishers?: string[];
  owners?: string[];
}

/** The catalogue filtered as DescribeAddonVersions filters it; versions limited to those that run on `kubernetesVersion`. */
export function describeAddonVersions(input: DescribeAddonVersionsInput): AddonCatalogueEntry[] {
  return ADDON_CATALOGUE.filter(
    (entry) =>
      (input.addonName === undefined || entry.addonName === input.addonName) &&
      (input.types === undefined || input.types.includes(entry.type)) &&
      (input.publishers === undefined || input.publishers.includes(entry.publisher)) &&
      (input.owners === undefined || input.owners.includes(entry.owner)),
  )
    .map((entry) =>
      input.kubernetesVersion === undefined
        ? entry
        : { ...entry, versions: compatibleVersions(entry, input.kubernetesVersion) },
    )
    .filter((entry) => entry.versions.length > 0);
}
