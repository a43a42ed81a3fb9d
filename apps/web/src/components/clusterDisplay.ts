import type { ClusterSummary } from '@wheelhouse/contract';

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
