import { findVersion } from '../../world/versionCalendar.ts';
import { CRITICAL_ADDONS, TOLERATE_ALL, emptyPlan, type ClusterPlan } from './clusterPlan.ts';
import { SEARCH_KARPENTER } from './karpenterBuilders.ts';

/** What every EKS cluster runs in kube-system: the EKS add-ons and, where chosen, a node autoscaler. */

const ecr = (region: string) => `602401143452.dkr.ecr.${region}.amazonaws.com`;

/**
 * The node affinity EKS ships on its add-on DaemonSets (aws-node, kube-proxy):
 * Linux nodes of either architecture, never Fargate, hybrid or Auto Mode nodes.
 */
export const EKS_DAEMONSET_AFFINITY = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        {
          matchExpressions: [
            { key: 'kubernetes.io/os', operator: 'In' as const, values: ['linux'] },
            { key: 'kubernetes.io/arch', operator: 'In' as const, values: ['amd64', 'arm64'] },
            {
              key: 'eks.amazonaws.com/compute-type',
              operator: 'NotIn' as const,
              values: ['fargate', 'hybrid', 'auto'],
            },
          ],
        },
      ],
    },
  },
};

export type NodeAutoscaler = 'cluster-autoscaler' | 'karpenter' | undefined;

export function eksSystemPlan(
  region: string,
  minor: string,
  autoscaler: NodeAutoscaler,
): ClusterPlan {
  const patch = findVersion(minor)?.patchVersion ?? `${minor}.0`;
  const plan = emptyPlan();
  plan.namespaces.push('kube-system');
  plan.deployments.push(
    {
      namespace: 'kube-system',
      name: 'coredns',
      image: `${ecr(region)}/eks/coredns:v1.11.4-eksbuild.2`,
      replicas: 2,
      cpu: '100m',
      memory: '70Mi',
      labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' },
      tolerations: [
        ...CRITICAL_ADDONS,
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
    },
    {
      namespace: 'kube-system',
      name: 'metrics-server',
      image: `${ecr(region)}/eks/metrics-server:v0.8.0-eksbuild.2`,
      replicas: 2,
      cpu: '100m',
      memory: '200Mi',
      labels: { 'app.kubernetes.io/name': 'metrics-server' },
      tolerations: CRITICAL_ADDONS,
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'metrics-server',
    },
  );
  plan.daemonSets.push(
    {
      namespace: 'kube-system',
      name: 'aws-node',
      image: `${ecr(region)}/amazon-k8s-cni:v1.20.4-eksbuild.1`,
      cpu: '25m',
      memory: '64Mi',
      labels: { 'k8s-app': 'aws-node' },
      tolerations: TOLERATE_ALL,
      affinity: EKS_DAEMONSET_AFFINITY,
      priorityClassName: 'system-node-critical',
      hostNetwork: true,
      serviceAccountName: 'aws-node',
      sidecars: [
        {
          name: 'aws-eks-nodeagent',
          image: `${ecr(region)}/amazon/aws-network-policy-agent:v1.2.7-eksbuild.1`,
          resources: { requests: { cpu: '25m' } },
        },
      ],
    },
    {
      namespace: 'kube-system',
      name: 'kube-proxy',
      image: `${ecr(region)}/eks/kube-proxy:v${patch}-minimal-eksbuild.2`,
      cpu: '100m',
      memory: '64Mi',
      labels: { 'k8s-app': 'kube-proxy' },
      tolerations: TOLERATE_ALL,
      affinity: EKS_DAEMONSET_AFFINITY,
      priorityClassName: 'system-node-critical',
      hostNetwork: true,
      serviceAccountName: 'kube-proxy',
    },
  );
  if (autoscaler === 'cluster-autoscaler') {
    plan.deployments.push({
      namespace: 'kube-system',
      name: 'cluster-autoscaler',
      image: `registry.k8s.io/autoscaling/cluster-autoscaler:v${minor}.0`,
      cpu: '100m',
      memory: '600Mi',
      labels: { 'app.kubernetes.io/name': 'aws-cluster-autoscaler' },
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'cluster-autoscaler',
    });
  }
  if (autoscaler === 'karpenter') {
    plan.karpenter = SEARCH_KARPENTER;
    plan.namespaces.push('karpenter');
    plan.deployments.push({
      namespace: 'karpenter',
      name: 'karpenter',
      image: 'public.ecr.aws/karpenter/controller:1.8.1',
      replicas: 2,
      cpu: '500m',
      memory: '512Mi',
      labels: { 'app.kubernetes.io/name': 'karpenter', 'app.kubernetes.io/instance': 'karpenter' },
      tolerations: CRITICAL_ADDONS,
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'karpenter',
    });
  }
  return plan;
}
