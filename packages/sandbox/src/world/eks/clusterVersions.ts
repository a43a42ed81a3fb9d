import { paginate, type Page, type PageRequest } from '../pagination.ts';
import {
  defaultVersion,
  legacyStatus,
  releasedVersions,
  versionStatus,
  type VersionStatus,
} from '../versionCalendar.ts';
import { eksErrors } from './eksErrors.ts';

export interface DescribeClusterVersionsInput extends PageRequest {
  clusterType?: string;
  defaultOnly?: boolean;
  includeAll?: boolean;
  clusterVersions?: string[];
  /** Deprecated lower-case filter ("standard-support", ...). */
  status?: string;
  versionStatus?: string;
}

/** One entry of DescribeClusterVersions, dates still as Dates. */
export interface ClusterVersionInfo {
  clusterVersion: string;
  clusterType: string;
  defaultPlatformVersion: string;
  defaultVersion: boolean;
  releaseDate: Date;
  endOfStandardSupportDate: Date;
  endOfExtendedSupportDate: Date;
  status: string;
  versionStatus: VersionStatus;
  kubernetesPatchVersion: string;
}

const STATUSES: VersionStatus[] = ['STANDARD_SUPPORT', 'EXTENDED_SUPPORT', 'UNSUPPORTED'];

export function describeClusterVersions(
  now: Date,
  input: DescribeClusterVersionsInput,
): Page<ClusterVersionInfo> {
  if (
    input.versionStatus !== undefined &&
    !STATUSES.includes(input.versionStatus as VersionStatus)
  ) {
    throw eksErrors.invalidParameter(
      `1 validation error detected: Value '${input.versionStatus}' at 'versionStatus' failed to satisfy constraint: Member must satisfy enum value set: [${STATUSES.join(', ')}]`,
    );
  }
  const legacy = input.status;
  if (legacy !== undefined && !STATUSES.some((status) => legacyStatus(status) === legacy)) {
    throw eksErrors.invalidParameter(`Invalid status filter: ${legacy}`);
  }
  const fallback = defaultVersion(now).version;
  let entries: ClusterVersionInfo[] = releasedVersions(now).map((entry) => {
    const status = versionStatus(entry, now);
    return {
      clusterVersion: entry.version,
      clusterType: 'eks',
      defaultPlatformVersion: entry.platformVersion,
      defaultVersion: entry.version === fallback,
      releaseDate: entry.releaseDate,
      endOfStandardSupportDate: entry.endOfStandardSupportDate,
      endOfExtendedSupportDate: entry.endOfExtendedSupportDate,
      status: legacyStatus(status),
      versionStatus: status,
      kubernetesPatchVersion: entry.patchVersion,
    };
  });
  if (input.clusterType !== undefined && input.clusterType !== 'eks') entries = [];
  const explicitFilter =
    input.versionStatus !== undefined ||
    legacy !== undefined ||
    (input.clusterVersions?.length ?? 0) > 0;
  // Without includeAll, EKS lists only versions one can still run; an explicit filter asks for more.
  if (!input.includeAll && !explicitFilter) {
    entries = entries.filter((entry) => entry.versionStatus !== 'UNSUPPORTED');
  }
  if (input.defaultOnly) entries = entries.filter((entry) => entry.defaultVersion);
  if (input.clusterVersions && input.clusterVersions.length > 0) {
    const wanted = new Set(input.clusterVersions);
    entries = entries.filter((entry) => wanted.has(entry.clusterVersion));
  }
  if (input.versionStatus !== undefined) {
    entries = entries.filter((entry) => entry.versionStatus === input.versionStatus);
  }
  if (legacy !== undefined) entries = entries.filter((entry) => entry.status === legacy);
  return paginate(entries, (entry) => entry.clusterVersion, input, { order: 'desc' });
}
