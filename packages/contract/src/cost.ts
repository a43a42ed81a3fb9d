import { z } from 'zod';
import { SourceError } from './common.ts';
import { VersionSupport } from './clusters.ts';

/**
 * EKS control-plane prices per cluster-hour, as https://aws.amazon.com/eks/pricing/ lists them
 * (the same in every commercial region): standard support, and extended support (14 months
 * past the end of standard support). AWS bills 730 hours a month.
 */
export const CONTROL_PLANE_PRICES = {
  standardHourlyUsd: 0.1,
  extendedHourlyUsd: 0.6,
  hoursPerMonth: 730,
  source: 'https://aws.amazon.com/eks/pricing/',
} as const;

/** The EC2 capacity of one Auto Scaling group (a managed node group's or a self-managed one). */
export const GroupCapacity = z.object({
  /** `nodegroup/<name>` or `autoscaling-group/<name>`. */
  resource: z.string(),
  instances: z.number().int(),
  vcpus: z.number().int(),
  spotVcpus: z.number().int(),
  /** Instance types in service, with how many of each. */
  instanceTypes: z.record(z.string(), z.number().int()),
});
export type GroupCapacity = z.infer<typeof GroupCapacity>;

export const ClusterCost = z.object({
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  version: z.string().optional(),
  versionSupport: VersionSupport,
  connected: z.boolean(),
  /** What EKS charges for the control plane now (0 for connected clusters). */
  hourlyUsd: z.number(),
  monthlyUsd: z.number(),
  vcpus: z.number().int(),
  spotVcpus: z.number().int(),
  /** Spot vCPUs over all vCPUs in service; absent when the cluster runs no EC2 capacity. */
  spotShare: z.number().min(0).max(1).optional(),
  groups: z.array(GroupCapacity),
  /** Set when standard support ends within 90 days: the day, and what the cluster then costs more. */
  enteringExtendedSupport: z
    .object({ on: z.string(), daysLeft: z.number().int(), monthlyIncreaseUsd: z.number() })
    .optional(),
});
export type ClusterCost = z.infer<typeof ClusterCost>;

export const CostReport = z.object({
  items: z.array(ClusterCost),
  totals: z.object({
    hourlyUsd: z.number(),
    monthlyUsd: z.number(),
    vcpus: z.number().int(),
    spotVcpus: z.number().int(),
    spotShare: z.number().min(0).max(1).optional(),
    enteringExtendedSupport: z.number().int(),
    monthlyIncreaseUsd: z.number(),
  }),
  prices: z.object({
    standardHourlyUsd: z.number(),
    extendedHourlyUsd: z.number(),
    hoursPerMonth: z.number(),
    source: z.string(),
  }),
  errors: z.array(SourceError),
});
export type CostReport = z.infer<typeof CostReport>;
