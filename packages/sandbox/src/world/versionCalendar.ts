/**
 * The Kubernetes version calendar of EKS. Release dates are EKS's own (1.36
 * approximated); standard support ends 14 months after release and extended
 * support 12 months later, which is EKS's published policy. The status of a
 * version is computed from the world's date, never stored.
 */

export type VersionStatus = 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT' | 'UNSUPPORTED';

/** One Kubernetes minor version as EKS offers it. */
export interface KubernetesVersion {
  version: string;
  releaseDate: Date;
  endOfStandardSupportDate: Date;
  endOfExtendedSupportDate: Date;
  /** Newest EKS platform version of this minor. */
  platformVersion: string;
  /** Newest Kubernetes patch release EKS runs for this minor. */
  patchVersion: string;
}

const RELEASES: Array<[version: string, released: string, platform: string, patch: string]> = [
  ['1.23', '2022-08-11', 'eks.18', '1.23.17'],
  ['1.24', '2022-11-15', 'eks.21', '1.24.17'],
  ['1.25', '2023-02-21', 'eks.22', '1.25.16'],
  ['1.26', '2023-04-11', 'eks.23', '1.26.15'],
  ['1.27', '2023-05-24', 'eks.27', '1.27.16'],
  ['1.28', '2023-09-26', 'eks.30', '1.28.15'],
  ['1.29', '2024-01-23', 'eks.33', '1.29.15'],
  ['1.30', '2024-05-23', 'eks.29', '1.30.14'],
  ['1.31', '2024-09-26', 'eks.25', '1.31.13'],
  ['1.32', '2025-01-23', 'eks.19', '1.32.9'],
  ['1.33', '2025-05-29', 'eks.14', '1.33.5'],
  ['1.34', '2025-10-02', 'eks.9', '1.34.2'],
  ['1.35', '2026-01-27', 'eks.6', '1.35.1'],
  ['1.36', '2026-05-28', 'eks.3', '1.36.0'],
];

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** Every version EKS has offered, oldest first. */
export const KUBERNETES_VERSIONS: readonly KubernetesVersion[] = RELEASES.map(
  ([version, released, platformVersion, patchVersion]) => {
    const releaseDate = new Date(`${released}T00:00:00Z`);
    const endOfStandardSupportDate = addMonths(releaseDate, 14);
    return {
      version,
      releaseDate,
      endOfStandardSupportDate,
      endOfExtendedSupportDate: addMonths(endOfStandardSupportDate, 12),
      platformVersion,
      patchVersion,
    };
  },
);

export function findVersion(version: string): KubernetesVersion | undefined {
  return KUBERNETES_VERSIONS.find((entry) => entry.version === version);
}

/** Released versions only: a version whose release date is after `now` does not exist yet. */
export function releasedVersions(now: Date): KubernetesVersion[] {
  return KUBERNETES_VERSIONS.filter((entry) => entry.releaseDate <= now);
}

export function versionStatus(entry: KubernetesVersion, now: Date): VersionStatus {
  if (now >= entry.endOfExtendedSupportDate) return 'UNSUPPORTED';
  if (now >= entry.endOfStandardSupportDate) return 'EXTENDED_SUPPORT';
  return 'STANDARD_SUPPORT';
}

/** EKS picks the newest version as the default for new clusters. */
export function defaultVersion(now: Date): KubernetesVersion {
  const released = releasedVersions(now);
  const newest = released[released.length - 1];
  if (!newest) throw new Error(`no Kubernetes version released by ${now.toISOString()}`);
  return newest;
}

/** Minor number of "1.31" → 31; undefined for anything that is not "1.<n>". */
export function minorOf(version: string): number | undefined {
  const match = /^1\.(\d{1,3})$/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** The version right after this one ("1.31" → "1.32"). */
export function nextMinor(version: string): string | undefined {
  const minor = minorOf(version);
  return minor === undefined ? undefined : `1.${minor + 1}`;
}

/** Legacy lower-case status of DescribeClusterVersions' deprecated `status` member. */
export function legacyStatus(status: VersionStatus): string {
  return {
    STANDARD_SUPPORT: 'standard-support',
    EXTENDED_SUPPORT: 'extended-support',
    UNSUPPORTED: 'unsupported',
  }[status];
}
