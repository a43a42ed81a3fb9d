import type { Toleration } from '../objects/types.ts';
import type { KarpenterPlan } from './karpenterBuilders.ts';
import type { VpaPlan } from './vpaBuilders.ts';
import type { AppSpec } from './workloadBuilders.ts';

/** What a seeded cluster runs, described compactly; seedCluster.ts turns it into objects. */

export interface ServicePlan {
  type?: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
  port: number;
  targetPort?: number;
  /** A headless service (clusterIP None), as StatefulSets use. */
  headless?: boolean;
}

export interface DeploymentPlan extends AppSpec {
  service?: ServicePlan;
  hpa?: { min: number; max: number; cpu: number };
  /** A PodDisruptionBudget over the deployment's pods (one of the two bounds). */
  pdb?: { minAvailable: number } | { maxUnavailable: number };
  /** A VerticalPodAutoscaler over the deployment (a cluster with one gets the VPA's CRD). */
  vpa?: VpaPlan;
}

export interface ClusterPlan {
  namespaces: string[];
  deployments: DeploymentPlan[];
  statefulSets: Array<AppSpec & { service?: ServicePlan }>;
  daemonSets: AppSpec[];
  jobs: Array<AppSpec & { completions?: number }>;
  cronJobs: Array<AppSpec & { schedule: string }>;
  /** Karpenter's CRDs, NodePools, EC2NodeClass and the claims they hold (clusters that run it). */
  karpenter?: KarpenterPlan;
}

export const emptyPlan = (): ClusterPlan => ({
  namespaces: [],
  deployments: [],
  statefulSets: [],
  daemonSets: [],
  jobs: [],
  cronJobs: [],
});

/** Merges plans (system pieces + the cluster's own apps). */
export function mergePlans(...plans: ClusterPlan[]): ClusterPlan {
  const merged = emptyPlan();
  for (const plan of plans) {
    merged.namespaces.push(...plan.namespaces.filter((ns) => !merged.namespaces.includes(ns)));
    merged.deployments.push(...plan.deployments);
    merged.statefulSets.push(...plan.statefulSets);
    merged.daemonSets.push(...plan.daemonSets);
    merged.jobs.push(...plan.jobs);
    merged.cronJobs.push(...plan.cronJobs);
    if (plan.karpenter) merged.karpenter = plan.karpenter;
  }
  return merged;
}

export const TOLERATE_ALL: Toleration[] = [{ operator: 'Exists' }];
export const CRITICAL_ADDONS: Toleration[] = [{ key: 'CriticalAddonsOnly', operator: 'Exists' }];
export const SPOT_OK: Toleration[] = [
  { key: 'lifecycle', operator: 'Equal', value: 'spot', effect: 'PreferNoSchedule' },
];

/** A cluster's apps, given the ECR registry of its account and region. */
export type PlanBuilder = (registry: string) => ClusterPlan;

/** A plan with only the parts given. */
export const plan = (partial: Partial<ClusterPlan>): ClusterPlan => ({
  ...emptyPlan(),
  ...partial,
});
