import { createHash } from 'node:crypto';
import { compatibleVersions, findCatalogueAddon } from './addonCatalogue.ts';
import { minorOf } from '../versionCalendar.ts';
import type { EksClusterRecord } from './types.ts';

/**
 * EKS cluster insights (ListInsights / DescribeInsight), derived from the
 * simulated cluster: Kubernetes APIs the next version removes, kubelet
 * version skew of node groups, and add-on compatibility with the next version.
 */

export type InsightStatusValue = 'PASSING' | 'WARNING' | 'ERROR' | 'UNKNOWN';

export interface InsightStatus {
  status: InsightStatusValue;
  reason: string;
}

export interface InsightRecord {
  id: string;
  name: string;
  category: 'UPGRADE_READINESS' | 'MISCONFIGURATION';
  kubernetesVersion: string;
  lastRefreshTime: Date;
  lastTransitionTime: Date;
  description: string;
  insightStatus: InsightStatus;
  recommendation: string;
  additionalInfo: Record<string, string>;
  resources: Array<{ insightStatus: InsightStatus; kubernetesResourceUri?: string; arn?: string }>;
  categorySpecificSummary: {
    deprecationDetails: Array<{
      usage: string;
      replacedWith: string;
      stopServingVersion: string;
      startServingReplacementVersion: string;
      clientStats: Array<{
        userAgent: string;
        numberOfRequestsLast30Days: number;
        lastRequestTime: Date;
      }>;
    }>;
    addonCompatibilityDetails: Array<{ name: string; compatibleVersions: string[] }>;
  };
}

/** Real upstream API removals, by the Kubernetes minor that stops serving them. */
const REMOVALS: Record<number, Array<{ usage: string; replacedWith: string; since: string }>> = {
  25: [
    {
      usage: '/apis/batch/v1beta1/cronjobs',
      replacedWith: '/apis/batch/v1/cronjobs',
      since: '1.21',
    },
    {
      usage: '/apis/policy/v1beta1/poddisruptionbudgets',
      replacedWith: '/apis/policy/v1/poddisruptionbudgets',
      since: '1.21',
    },
  ],
  26: [
    {
      usage: '/apis/autoscaling/v2beta2/horizontalpodautoscalers',
      replacedWith: '/apis/autoscaling/v2/horizontalpodautoscalers',
      since: '1.23',
    },
  ],
  27: [
    {
      usage: '/apis/storage.k8s.io/v1beta1/csistoragecapacities',
      replacedWith: '/apis/storage.k8s.io/v1/csistoragecapacities',
      since: '1.24',
    },
  ],
  29: [
    {
      usage: '/apis/flowcontrol.apiserver.k8s.io/v1beta2/flowschemas',
      replacedWith: '/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas',
      since: '1.29',
    },
  ],
  32: [
    {
      usage: '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas',
      replacedWith: '/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas',
      since: '1.29',
    },
  ],
};

/** The supported kubelet skew: nodes may run up to three minors behind the control plane. */
const MAX_KUBELET_SKEW = 3;

function insightId(cluster: EksClusterRecord, check: string): string {
  const hex = createHash('sha256').update(`${cluster.arn}/${check}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const passing = (reason: string): InsightStatus => ({ status: 'PASSING', reason });

/** The insights EKS reports for a cluster, checked against its next Kubernetes minor. */
export function clusterInsights(cluster: EksClusterRecord, now: Date): InsightRecord[] {
  const minor = minorOf(cluster.version) ?? 0;
  const next = `1.${minor + 1}`;
  const refreshed = now;
  const since = cluster.createdAt;
  const base = (check: string) => ({
    id: insightId(cluster, check),
    category: 'UPGRADE_READINESS' as const,
    kubernetesVersion: next,
    lastRefreshTime: refreshed,
    lastTransitionTime: since,
    additionalInfo: {},
  });

  const calls = cluster.deprecatedApiCalls ?? [];
  /*
   * EKS reports APIs the next minor removes as ERROR when clients still call
   * them, and the removals of the minor after as WARNING: there is still one
   * upgrade's time to migrate.
   */
  const deprecationInsight = (target: number, failing: InsightStatusValue): InsightRecord => {
    const version = `1.${target}`;
    const removals = REMOVALS[target] ?? [];
    const used = calls.filter((call) => removals.some((removal) => removal.usage === call.usage));
    const status: InsightStatus =
      used.length === 0
        ? passing('No deprecated API usage detected within the last 30 days.')
        : {
            status: failing,
            reason: `Deprecated API usage detected within the last 30 days and your cluster is on Kubernetes v1.${minor}.`,
          };
    return {
      ...base(target === minor + 1 ? 'deprecated-apis' : `deprecated-apis-${version}`),
      kubernetesVersion: version,
      name: `Deprecated APIs removed in Kubernetes v${version}`,
      description: `Checks for usage of deprecated APIs that are scheduled for removal in Kubernetes v${version}. Upgrading your cluster before migrating to the updated APIs supported by v${version} could cause application impact.`,
      insightStatus: status,
      recommendation:
        'Update manifests and API clients to use newer Kubernetes APIs if applicable before upgrading.',
      resources: used.flatMap((call) =>
        call.resourceUris.map((uri) => ({ insightStatus: status, kubernetesResourceUri: uri })),
      ),
      categorySpecificSummary: {
        deprecationDetails: removals.map((removal) => ({
          usage: removal.usage,
          replacedWith: removal.replacedWith,
          stopServingVersion: version,
          startServingReplacementVersion: removal.since,
          clientStats: calls
            .filter((call) => call.usage === removal.usage)
            .map((call) => ({
              userAgent: call.userAgent,
              numberOfRequestsLast30Days: call.requestsLast30Days,
              lastRequestTime: call.lastRequestAt,
            })),
        })),
        addonCompatibilityDetails: [],
      },
    };
  };
  const deprecation = deprecationInsight(minor + 1, 'ERROR');
  const later = REMOVALS[minor + 2] ? [deprecationInsight(minor + 2, 'WARNING')] : [];

  const nodegroups = [...cluster.nodegroups.values()];
  const skewed = nodegroups
    .map((nodegroup) => ({ nodegroup, behind: minor + 1 - (minorOf(nodegroup.version) ?? minor) }))
    .filter((entry) => entry.behind > 1);
  const skewStatus = (behind: number): InsightStatus =>
    behind > MAX_KUBELET_SKEW
      ? {
          status: 'ERROR',
          reason: `Node kubelet would be ${behind} minor versions behind the control plane after the upgrade.`,
        }
      : {
          status: 'WARNING',
          reason: `Node kubelet would be ${behind} minor versions behind the control plane after the upgrade.`,
        };
  const worst = skewed.reduce((max, entry) => Math.max(max, entry.behind), 0);
  const skew: InsightRecord = {
    ...base('kubelet-skew'),
    name: 'Kubelet version skew',
    description:
      'Checks for kubelet versions of worker nodes in the cluster to see if upgrade would cause non compliance with supported Kubernetes kubelet version skew policy.',
    insightStatus:
      skewed.length === 0
        ? passing('Node kubelet versions match the cluster control plane version.')
        : skewStatus(worst),
    recommendation:
      'Upgrade your worker nodes to match the Kubernetes version of your cluster control plane.',
    resources: skewed.map(({ nodegroup, behind }) => ({
      insightStatus: skewStatus(behind),
      arn: nodegroup.arn,
    })),
    categorySpecificSummary: { deprecationDetails: [], addonCompatibilityDetails: [] },
  };

  const addons = [...cluster.addons.values()].flatMap((addon) => {
    const entry = findCatalogueAddon(addon.name);
    if (!entry) return [];
    const versions = compatibleVersions(entry, next).map((version) => version.addonVersion);
    // kube-proxy follows the kubelet skew policy: a build of an older minor keeps working after the
    // control plane moves on, and is updated afterwards.
    const trails =
      addon.name === 'kube-proxy' &&
      compatibleVersions(entry, cluster.version).some(
        (version) => version.addonVersion === addon.addonVersion,
      );
    return [{ addon, versions, compatible: trails || versions.includes(addon.addonVersion) }];
  });
  const incompatible = addons.filter((entry) => !entry.compatible);
  const addonStatus: InsightStatus = {
    status: 'ERROR',
    reason: 'Add-on versions are not compatible with the next Kubernetes version.',
  };
  const addonInsight: InsightRecord = {
    ...base('addon-compatibility'),
    name: 'Amazon EKS add-on version compatibility',
    description: `Checks version of installed EKS add-ons to ensure they are compatible with the next version of Kubernetes (v${next}).`,
    insightStatus:
      incompatible.length === 0
        ? passing('All installed add-on versions are compatible with the next Kubernetes version.')
        : addonStatus,
    recommendation:
      'Upgrade your EKS add-on to a version compatible with the next Kubernetes version.',
    resources: incompatible.map(({ addon }) => ({ insightStatus: addonStatus, arn: addon.arn })),
    categorySpecificSummary: {
      deprecationDetails: [],
      addonCompatibilityDetails: addons.map(({ addon, versions }) => ({
        name: addon.name,
        compatibleVersions: versions,
      })),
    },
  };

  return [
    deprecation,
    ...later,
    skew,
    addonInsight,
    healthInsight(cluster, base('cluster-health')),
  ];
}

/**
 * The configuration insight: health issues EKS already reports on the
 * cluster, its node groups and add-ons, gathered in one place.
 */
function healthInsight(
  cluster: EksClusterRecord,
  base: Pick<InsightRecord, 'id' | 'lastRefreshTime' | 'lastTransitionTime' | 'additionalInfo'>,
): InsightRecord {
  const error = (reason: string): InsightStatus => ({ status: 'ERROR', reason });
  const resources: InsightRecord['resources'] = [
    ...(cluster.health.length > 0 ? [{ arn: cluster.arn, issues: cluster.health }] : []),
    ...[...cluster.nodegroups.values()].map((nodegroup) => ({
      arn: nodegroup.arn,
      issues: nodegroup.health,
    })),
    ...[...cluster.addons.values()].map((addon) => ({ arn: addon.arn, issues: addon.health })),
  ]
    .filter((entry) => entry.issues.length > 0)
    .map((entry) => ({
      arn: entry.arn,
      insightStatus: error(
        entry.issues.map((issue) => `${issue.code}: ${issue.message}`).join(' '),
      ),
    }));
  return {
    ...base,
    category: 'MISCONFIGURATION',
    kubernetesVersion: cluster.version,
    name: 'Cluster health issues',
    description:
      'Checks for health issues reported on the cluster, its managed node groups and its Amazon EKS add-ons that could impair the functionality of the cluster or its workloads.',
    insightStatus:
      resources.length === 0
        ? passing('No health issues detected on the cluster, its node groups or add-ons.')
        : error(`${resources.length} resource(s) of the cluster report health issues.`),
    recommendation:
      'Resolve the health issues listed for each resource; the EKS documentation lists the causes of each issue code.',
    resources,
    categorySpecificSummary: { deprecationDetails: [], addonCompatibilityDetails: [] },
  };
}
