import { z } from 'zod';

import { SourceError } from './common.ts';
import { VersionSkew } from './lifecycle.ts';

/** EKS insight statuses (botocore's InsightStatusValue). */
export const InsightStatus = z.enum(['PASSING', 'WARNING', 'ERROR', 'UNKNOWN']);
export type InsightStatus = z.infer<typeof InsightStatus>;

/** One client still calling a deprecated API (EKS's ClientStat). */
export const InsightClientStat = z.object({
  userAgent: z.string(),
  requestsLast30Days: z.number().int(),
  lastRequestTime: z.string().optional(),
});
export type InsightClientStat = z.infer<typeof InsightClientStat>;

/** A deprecated API version an upgrade stops serving (EKS's DeprecationDetail). */
export const InsightDeprecation = z.object({
  usage: z.string(),
  replacedWith: z.string().optional(),
  stopServingVersion: z.string().optional(),
  startServingReplacementVersion: z.string().optional(),
  clients: z.array(InsightClientStat),
});
export type InsightDeprecation = z.infer<typeof InsightDeprecation>;

/** A resource an insight found (a Kubernetes object URI or an AWS ARN), with its own status. */
export const InsightResource = z.object({
  kubernetesResourceUri: z.string().optional(),
  arn: z.string().optional(),
  status: InsightStatus.or(z.string()),
  reason: z.string().optional(),
});
export type InsightResource = z.infer<typeof InsightResource>;

export const ClusterInsight = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  kubernetesVersion: z.string().optional(),
  status: InsightStatus.or(z.string()),
  reason: z.string().optional(),
  description: z.string().optional(),
  recommendation: z.string().optional(),
  lastRefreshTime: z.string().optional(),
  deprecations: z.array(InsightDeprecation).optional(),
  resources: z.array(InsightResource).optional(),
});
export type ClusterInsight = z.infer<typeof ClusterInsight>;

/** What stands between a cluster and its next Kubernetes version. */
export const UpgradeBlocker = z.object({
  source: z.enum(['insight', 'nodegroup-skew', 'addon', 'version']),
  title: z.string(),
  detail: z.string(),
});
export type UpgradeBlocker = z.infer<typeof UpgradeBlocker>;

/** An installed add-on measured against the next Kubernetes version's builds. */
export const AddonCompatibility = z.object({
  name: z.string(),
  installedVersion: z.string(),
  /** The installed build runs on the next version too. */
  compatible: z.boolean(),
  /** Runs on the next version but is updated after the control plane (kube-proxy, by the skew policy). */
  updateAfterUpgrade: z.boolean().optional(),
  /** Builds that run on the next version, newest first. */
  compatibleVersions: z.array(z.string()),
  /** EKS's default build on the next version. */
  defaultVersion: z.string().optional(),
});
export type AddonCompatibility = z.infer<typeof AddonCompatibility>;

export const UpgradeReadiness = z.object({
  currentVersion: z.string().optional(),
  /** The one minor EKS allows next; absent when EKS offers none. */
  nextVersion: z.string().optional(),
  canUpgrade: z.boolean(),
  blockers: z.array(UpgradeBlocker),
  /** Node group kubelets against the next version. */
  nodegroupSkew: z.array(VersionSkew),
  addonCompatibility: z.array(AddonCompatibility),
  supportStatus: z.string().optional(),
  endOfStandardSupport: z.string().optional(),
  endOfExtendedSupport: z.string().optional(),
});
export type UpgradeReadiness = z.infer<typeof UpgradeReadiness>;

export const ClusterInsights = z.object({
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  items: z.array(ClusterInsight),
  readiness: UpgradeReadiness,
  errors: z.array(SourceError),
});
export type ClusterInsights = z.infer<typeof ClusterInsights>;

export const InsightCounts = z.object({
  PASSING: z.number().int(),
  WARNING: z.number().int(),
  ERROR: z.number().int(),
  UNKNOWN: z.number().int(),
});
export type InsightCounts = z.infer<typeof InsightCounts>;

/** One cluster of the fleet's upgrade readiness. */
export const FleetInsightRow = z.object({
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  version: z.string().optional(),
  nextVersion: z.string().optional(),
  canUpgrade: z.boolean(),
  blockers: z.array(UpgradeBlocker),
  counts: InsightCounts,
  endOfStandardSupport: z.string().optional(),
});
export type FleetInsightRow = z.infer<typeof FleetInsightRow>;

export const FleetInsights = z.object({
  items: z.array(FleetInsightRow),
  errors: z.array(SourceError),
  generatedAt: z.string(),
});
export type FleetInsights = z.infer<typeof FleetInsights>;
