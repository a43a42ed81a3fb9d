import type { EksClusterRecord } from '../../world/eks/types.ts';
import { emptyPlan, mergePlans, plan, type ClusterPlan } from './clusterPlan.ts';
import { DEV_PLANS } from './devPlans.ts';
import { MORE_PROD_PLANS, PROD_PLANS } from './prodPlans.ts';
import { eksSystemPlan, type NodeAutoscaler } from './systemPlan.ts';

/** Which demo clusters scale their nodes with Cluster Autoscaler, which with Karpenter. */
const AUTOSCALERS: Record<string, NodeAutoscaler> = {
  'checkout-prod': 'cluster-autoscaler',
  'checkout-eu': 'cluster-autoscaler',
  'perf-lab': 'cluster-autoscaler',
  'dev-sandbox': 'cluster-autoscaler',
  'search-prod': 'karpenter',
};

const registryOf = (cluster: EksClusterRecord) =>
  `${cluster.accountId}.dkr.ecr.${cluster.region}.amazonaws.com`;

/** The plan of a demo cluster: EKS's system pieces plus its own apps (none for clusters the tables do not know, e.g. created ones). */
export function demoPlanFor(cluster: EksClusterRecord): ClusterPlan {
  const registry = registryOf(cluster);
  return mergePlans(
    eksSystemPlan(cluster.region, cluster.version, AUTOSCALERS[cluster.name]),
    (PROD_PLANS[cluster.name] ?? DEV_PLANS[cluster.name])?.(registry) ?? emptyPlan(),
    MORE_PROD_PLANS[cluster.name]?.(registry) ?? emptyPlan(),
  );
}

/** A generated (benchmark) cluster: system pieces and one small app, to keep hundreds of clusters cheap. */
export function generatedPlanFor(cluster: EksClusterRecord): ClusterPlan {
  const registry = registryOf(cluster);
  return mergePlans(
    eksSystemPlan(cluster.region, cluster.version, undefined),
    plan({
      namespaces: ['apps'],
      deployments: [
        {
          namespace: 'apps',
          name: 'web',
          image: `${registry}/apps/web:1.0.0`,
          replicas: 2,
          cpu: '100m',
          memory: '128Mi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
          hpa: { min: 2, max: 6, cpu: 70 },
        },
      ],
    }),
  );
}
