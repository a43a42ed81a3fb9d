import type { ClusterSummary, VersionSupport } from '@wheelhouse/contract';
import type { Tone } from '../../components/statusTone.ts';
import { formatDate } from '../../components/dateFormat.ts';

/** How the API endpoint can be reached. Connected clusters have no EKS endpoint: undefined. */
export type EndpointAccess = 'public' | 'private' | 'public+private';

export function endpointAccess(
  cluster: Pick<ClusterSummary, 'endpointPublicAccess' | 'endpointPrivateAccess' | 'connected'>,
): EndpointAccess | undefined {
  if (cluster.connected) return undefined;
  if (cluster.endpointPublicAccess && cluster.endpointPrivateAccess) return 'public+private';
  if (cluster.endpointPublicAccess) return 'public';
  if (cluster.endpointPrivateAccess) return 'private';
  return undefined;
}

/** "Production" or the account id when the configuration gives no name. */
export function accountLabel(cluster: Pick<ClusterSummary, 'accountId' | 'accountName'>): string {
  return cluster.accountName ?? cluster.accountId;
}

const SUPPORT: Record<VersionSupport['status'], { label: string; tone: Tone }> = {
  STANDARD_SUPPORT: { label: 'standard', tone: 'success' },
  EXTENDED_SUPPORT: { label: 'extended', tone: 'warning' },
  UNSUPPORTED: { label: 'unsupported', tone: 'danger' },
  UNKNOWN: { label: 'unknown', tone: 'neutral' },
};

/** The support chip of a version: its label, tone, and the date that matters ("until 2027-03-23"). */
export function versionSupportView(support: VersionSupport): {
  label: string;
  tone: Tone;
  detail: string | undefined;
} {
  const { label, tone } = SUPPORT[support.status];
  const date = (iso: string | undefined) => (iso ? formatDate(iso) : undefined);
  let detail: string | undefined;
  if (support.status === 'STANDARD_SUPPORT') {
    const end = date(support.endOfStandardSupport);
    detail = end && `until ${end}`;
  } else if (support.status === 'EXTENDED_SUPPORT') {
    const end = date(support.endOfExtendedSupport);
    detail = end && `until ${end}`;
  } else if (support.status === 'UNSUPPORTED') {
    const end = date(support.endOfExtendedSupport ?? support.endOfStandardSupport);
    detail = end && `since ${end}`;
  }
  return { label, tone, detail };
}

/** "EKS_ANYWHERE" → "EKS Anywhere"; providers are shown as people write them. */
export function providerLabel(provider: string | undefined): string {
  if (!provider) return 'Connected';
  const known: Record<string, string> = {
    EKS_ANYWHERE: 'EKS Anywhere',
    ANTHOS: 'Anthos',
    GKE: 'GKE',
    AKS: 'AKS',
    OPENSHIFT: 'OpenShift',
    TANZU: 'Tanzu',
    RANCHER: 'Rancher',
    EC2: 'EC2',
    OTHER: 'Other',
  };
  return known[provider] ?? provider;
}

/** Tags as `key=value` strings, sorted by key. */
export function tagPairs(tags: Record<string, string>): string[] {
  return Object.entries(tags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => (value ? `${key}=${value}` : key));
}
