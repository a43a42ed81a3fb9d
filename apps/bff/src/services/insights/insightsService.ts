import type { AddonInfo, Insight, InsightSummary } from '@aws-sdk/client-eks';
import pLimit from 'p-limit';
import type {
  AddonCompatibility,
  ClusterDetail,
  ClusterInsight,
  ClusterInsights,
  ClusterRef,
  ClusterSummary,
  FleetInsightRow,
  FleetInsights,
  InsightCounts,
  SourceError,
  UpgradeBlocker,
  VersionUpgradePlan,
} from '@wheelhouse/contract';
import type { AccountRegion, AwsGateway } from '../../upstream/awsGateway.ts';
import { createTtlCache } from '../../upstream/ttlCache.ts';
import type { AddonsService } from '../addons/addonsService.ts';
import { buildsFor } from '../addons/addonVersions.ts';
import { sourceError } from '../fanOut.ts';
import { allowedSkew } from '../versions.ts';

export interface InsightsInventory {
  listClusters(): Promise<{ items: ClusterSummary[]; errors: SourceError[] }>;
  getCluster(ref: ClusterRef): Promise<ClusterDetail>;
}

export interface InsightsDeps {
  aws: AwsGateway;
  inventory: InsightsInventory;
  /** The upgrade plan's rules: the next allowed minor and node group kubelet skew against it. */
  upgradePlan(ref: ClusterRef): Promise<VersionUpgradePlan>;
  addons: Pick<AddonsService, 'cluster'>;
}

export interface InsightsOptions {
  /** Clusters read at once per account and region. */
  concurrency: number;
  /** EKS refreshes insights once a day; a short cache spares repeated reads of the same page. */
  cacheTtlMs: number;
  now?: () => Date;
}

const iso = (date: Date | undefined) => date?.toISOString();

function toInsight(summary: InsightSummary, detail: Insight | undefined): ClusterInsight {
  const source = detail ?? summary;
  const deprecations = (detail?.categorySpecificSummary?.deprecationDetails ?? []).map((entry) => ({
    usage: entry.usage ?? '',
    ...(entry.replacedWith ? { replacedWith: entry.replacedWith } : {}),
    ...(entry.stopServingVersion ? { stopServingVersion: entry.stopServingVersion } : {}),
    ...(entry.startServingReplacementVersion
      ? { startServingReplacementVersion: entry.startServingReplacementVersion }
      : {}),
    clients: (entry.clientStats ?? []).map((stat) => ({
      userAgent: stat.userAgent ?? 'unknown client',
      requestsLast30Days: stat.numberOfRequestsLast30Days ?? 0,
      ...(stat.lastRequestTime ? { lastRequestTime: stat.lastRequestTime.toISOString() } : {}),
    })),
  }));
  const resources = (detail?.resources ?? []).map((resource) => ({
    ...(resource.kubernetesResourceUri
      ? { kubernetesResourceUri: resource.kubernetesResourceUri }
      : {}),
    ...(resource.arn ? { arn: resource.arn } : {}),
    status: resource.insightStatus?.status ?? 'UNKNOWN',
    ...(resource.insightStatus?.reason ? { reason: resource.insightStatus.reason } : {}),
  }));
  const lastRefreshTime = iso(source.lastRefreshTime);
  return {
    id: source.id ?? '',
    name: source.name ?? 'Unnamed insight',
    category: source.category ?? 'UNKNOWN',
    ...(source.kubernetesVersion ? { kubernetesVersion: source.kubernetesVersion } : {}),
    status: source.insightStatus?.status ?? 'UNKNOWN',
    ...(source.insightStatus?.reason ? { reason: source.insightStatus.reason } : {}),
    ...(source.description ? { description: source.description } : {}),
    ...(detail?.recommendation ? { recommendation: detail.recommendation } : {}),
    ...(lastRefreshTime ? { lastRefreshTime } : {}),
    ...(deprecations.length > 0 ? { deprecations } : {}),
    ...(resources.length > 0 ? { resources } : {}),
  };
}

/** Why an insight stops the next upgrade, with the clients still calling removed APIs named. */
function insightDetail(insight: ClusterInsight): string {
  const callers = [
    ...new Set(
      (insight.deprecations ?? []).flatMap((entry) =>
        entry.clients.map((client) => client.userAgent),
      ),
    ),
  ];
  const reason = insight.reason ?? `EKS reports ${insight.status}.`;
  return callers.length > 0 ? `${reason} Called by: ${callers.join('; ')}.` : reason;
}

export function countByStatus(items: ClusterInsight[]): InsightCounts {
  const counts: InsightCounts = { PASSING: 0, WARNING: 0, ERROR: 0, UNKNOWN: 0 };
  for (const item of items) {
    const status = item.status in counts ? (item.status as keyof InsightCounts) : 'UNKNOWN';
    counts[status] += 1;
  }
  return counts;
}

/**
 * EKS insights of a cluster and whether it can move to the next Kubernetes version now: an ERROR
 * upgrade insight for that version, a node group whose kubelets would trail too far, or an add-on
 * build that does not run on it each block the upgrade. What cannot be read is named in `errors`.
 */
export function createInsightsService(deps: InsightsDeps, options: InsightsOptions) {
  const { aws, inventory } = deps;
  const now = options.now ?? (() => new Date());
  const clusterCache = createTtlCache<ClusterInsights>(options.cacheTtlMs, Date.now, 'insights');
  const fleetCache = createTtlCache<FleetInsights>(options.cacheTtlMs, Date.now, 'insights-fleet');
  const catalogueCache = createTtlCache<AddonInfo[]>(
    Math.max(options.cacheTtlMs, 60_000),
    Date.now,
    'insights-addon-catalogue',
  );

  async function readInsights(at: AccountRegion, name: string): Promise<ClusterInsight[]> {
    const eks = aws.eks(at);
    const summaries = await eks.insights(name);
    const limit = pLimit(4);
    const details = await Promise.all(
      summaries.map((summary) =>
        limit(() => (summary.id ? eks.describeInsight(name, summary.id) : undefined)),
      ),
    );
    const order = { ERROR: 0, WARNING: 1, UNKNOWN: 2, PASSING: 3 } as Record<string, number>;
    return summaries
      .map((summary, index) => toInsight(summary, details[index]))
      .sort(
        (a, b) => (order[a.status] ?? 2) - (order[b.status] ?? 2) || a.name.localeCompare(b.name),
      );
  }

  async function addonCompatibility(
    at: AccountRegion,
    ref: ClusterRef,
    next: string,
  ): Promise<AddonCompatibility[]> {
    const [installed, catalogue] = await Promise.all([
      deps.addons.cluster(ref),
      catalogueCache.get(`${at.account.key}|${at.region}|${next}`, () =>
        aws.eks(at).addonVersions(next),
      ),
    ]);
    return installed.items.map((addon) => {
      const builds = buildsFor(
        catalogue.find((info) => info.addonName === addon.name),
        next,
      );
      // kube-proxy may trail the API server like kubelets do: its build for the current minor keeps
      // working on the next one and is updated after the control plane.
      const trails = addon.name === 'kube-proxy' && !builds.versions.includes(addon.version);
      return {
        name: addon.name,
        installedVersion: addon.version,
        compatible: trails || builds.versions.includes(addon.version),
        ...(trails ? { updateAfterUpgrade: true } : {}),
        compatibleVersions: builds.versions,
        ...(builds.defaultVersion ? { defaultVersion: builds.defaultVersion } : {}),
      };
    });
  }

  async function report(ref: ClusterRef): Promise<ClusterInsights> {
    const detail = await inventory.getCluster(ref);
    const where = { accountId: ref.accountId, region: ref.region, cluster: ref.name };
    const support = {
      ...(detail.versionSupport.status !== 'UNKNOWN'
        ? { supportStatus: detail.versionSupport.status }
        : {}),
      ...(detail.versionSupport.endOfStandardSupport
        ? { endOfStandardSupport: detail.versionSupport.endOfStandardSupport }
        : {}),
      ...(detail.versionSupport.endOfExtendedSupport
        ? { endOfExtendedSupport: detail.versionSupport.endOfExtendedSupport }
        : {}),
    };
    if (detail.connected) {
      return {
        ...where,
        items: [],
        readiness: {
          canUpgrade: false,
          blockers: [
            {
              source: 'version',
              title: 'Connected cluster',
              detail: 'EKS does not upgrade connected clusters; their provider does.',
            },
          ],
          nodegroupSkew: [],
          addonCompatibility: [],
          ...support,
        },
        errors: [],
      };
    }
    const at = await aws.locate(ref.accountId, ref.region);
    const errors: SourceError[] = [];
    const failed = (what: string) => (error: unknown) => {
      const problem = sourceError(error, where);
      errors.push({ ...problem, message: `${what}: ${problem.message}` });
      return undefined;
    };
    const [items, plan] = await Promise.all([
      readInsights(at, ref.name).catch(failed('EKS insights')),
      deps.upgradePlan(ref).catch(failed('upgrade plan')),
    ]);
    const next = plan?.next;
    const addons = next ? await addonCompatibility(at, ref, next).catch(failed('EKS add-ons')) : [];

    const blockers: UpgradeBlocker[] = [];
    if (plan && !next) {
      blockers.push({
        source: 'version',
        title: 'No newer version',
        detail: plan.warnings[0] ?? `EKS offers no version after ${detail.version ?? 'this one'}.`,
      });
    }
    if (detail.status !== 'ACTIVE') {
      blockers.push({
        source: 'version',
        title: `Cluster is ${detail.status}`,
        detail: 'EKS updates only ACTIVE clusters.',
      });
    }
    for (const insight of items ?? []) {
      const forNext = !insight.kubernetesVersion || insight.kubernetesVersion === next;
      if (insight.category === 'UPGRADE_READINESS' && insight.status === 'ERROR' && forNext)
        blockers.push({ source: 'insight', title: insight.name, detail: insightDetail(insight) });
    }
    for (const skew of plan?.skew.filter((entry) => entry.tooFar) ?? []) {
      blockers.push({
        source: 'nodegroup-skew',
        title: `Node group ${skew.nodegroup} is on ${skew.version}`,
        detail: `Its kubelets would be ${skew.behind} minor versions behind ${next ?? 'the control plane'}; at most ${allowedSkew(next ?? detail.version ?? '1.28')} are allowed. Update the node group first.`,
      });
    }
    for (const addon of (addons ?? []).filter((entry) => !entry.compatible)) {
      blockers.push({
        source: 'addon',
        title: `Add-on ${addon.name} ${addon.installedVersion} does not run on ${next}`,
        detail:
          addon.compatibleVersions.length > 0
            ? `Update it to ${addon.defaultVersion ?? addon.compatibleVersions[0]} (runs on ${next}) first.`
            : `EKS offers no build of ${addon.name} for ${next}.`,
      });
    }
    return {
      ...where,
      items: items ?? [],
      readiness: {
        ...(detail.version ? { currentVersion: detail.version } : {}),
        ...(next ? { nextVersion: next } : {}),
        // What could not be read is not known to be clear: no green light on missing facts.
        canUpgrade: blockers.length === 0 && errors.length === 0,
        blockers,
        nodegroupSkew: plan?.skew ?? [],
        addonCompatibility: addons ?? [],
        ...support,
      },
      errors,
    };
  }

  async function cluster(ref: ClusterRef): Promise<ClusterInsights> {
    const key = `${ref.accountId}|${ref.region}|${ref.name}|`;
    const answer = await clusterCache.get(key, () => report(ref));
    // A partial answer is not kept: the next read tries the failed source again.
    if (answer.errors.length > 0) clusterCache.invalidate(key);
    return answer;
  }

  async function fleetReport(): Promise<FleetInsights> {
    const clusters = await inventory.listClusters();
    const errors: SourceError[] = [...clusters.errors];
    const limits = new Map<string, ReturnType<typeof pLimit>>();
    const limitOf = (summary: ClusterSummary) => {
      const key = `${summary.accountId}|${summary.region}`;
      let limit = limits.get(key);
      if (!limit) limits.set(key, (limit = pLimit(options.concurrency)));
      return limit;
    };
    // Connected clusters have no EKS insights; clusters being created or deleted have none yet.
    const eligible = clusters.items.filter(
      (summary) =>
        !summary.connected && summary.status !== 'CREATING' && summary.status !== 'DELETING',
    );
    const rows = await Promise.all(
      eligible.map((summary) =>
        limitOf(summary)(async (): Promise<FleetInsightRow | undefined> => {
          const ref = { accountId: summary.accountId, region: summary.region, name: summary.name };
          const where = { accountId: ref.accountId, region: ref.region, cluster: ref.name };
          try {
            const answer = await cluster(ref);
            errors.push(...answer.errors);
            return {
              ...where,
              ...(summary.version ? { version: summary.version } : {}),
              ...(answer.readiness.nextVersion
                ? { nextVersion: answer.readiness.nextVersion }
                : {}),
              canUpgrade: answer.readiness.canUpgrade,
              blockers: answer.readiness.blockers,
              counts: countByStatus(answer.items),
              ...(answer.readiness.endOfStandardSupport
                ? { endOfStandardSupport: answer.readiness.endOfStandardSupport }
                : {}),
            };
          } catch (error) {
            const problem = sourceError(error, where);
            errors.push({ ...problem, message: `EKS insights: ${problem.message}` });
            return undefined;
          }
        }),
      ),
    );
    return {
      items: rows
        .filter((row): row is FleetInsightRow => row !== undefined)
        .sort(
          (a, b) =>
            a.accountId.localeCompare(b.accountId) ||
            a.region.localeCompare(b.region) ||
            a.cluster.localeCompare(b.cluster),
        ),
      errors,
      generatedAt: now().toISOString(),
    };
  }

  return {
    cluster,
    fleet: (): Promise<FleetInsights> => fleetCache.get('fleet', fleetReport),
    invalidate: () => {
      clusterCache.invalidate();
      fleetCache.invalidate();
    },
  };
}
export type InsightsService = ReturnType<typeof createInsightsService>;
