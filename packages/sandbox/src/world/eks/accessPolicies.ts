/**
 * EKS access policies: the managed permission sets an access entry can be
 * associated with. ListAccessPolicies lists them; the Kubernetes API of the
 * sandbox enforces the main ones (kube/auth/authorizer.ts).
 */

/** What a policy lets a principal do, in Kubernetes verbs. */
export type PolicyPower =
  /** Every verb on every resource. */
  | 'cluster-admin'
  /** Every verb on namespaced resources; reads of cluster-scoped ones. */
  | 'admin'
  /** get, list, watch (secrets excluded). */
  | 'view'
  /** Nothing the sandbox simulates (node, storage, networking and other service policies). */
  | 'none';

export interface AccessPolicyInfo {
  name: string;
  arn: string;
  power: PolicyPower;
}

const POLICIES: Array<[name: string, power: PolicyPower]> = [
  ['AmazonAIOpsAssistantPolicy', 'view'],
  ['AmazonARCRegionSwitchScalingPolicy', 'none'],
  ['AmazonEKSAdminPolicy', 'admin'],
  ['AmazonEKSAdminViewPolicy', 'view'],
  ['AmazonEKSAutoNodePolicy', 'none'],
  ['AmazonEKSBlockStorageClusterPolicy', 'none'],
  ['AmazonEKSBlockStoragePolicy', 'none'],
  ['AmazonEKSClusterAdminPolicy', 'cluster-admin'],
  ['AmazonEKSComputeClusterPolicy', 'none'],
  ['AmazonEKSComputePolicy', 'none'],
  ['AmazonEKSEditPolicy', 'admin'],
  ['AmazonEKSHybridPolicy', 'none'],
  ['AmazonEKSLoadBalancingClusterPolicy', 'none'],
  ['AmazonEKSLoadBalancingPolicy', 'none'],
  ['AmazonEKSNetworkingClusterPolicy', 'none'],
  ['AmazonEKSNetworkingPolicy', 'none'],
  ['AmazonEKSSecretReaderPolicy', 'none'],
  ['AmazonEKSViewPolicy', 'view'],
  ['AmazonEMRJobPolicy', 'none'],
  ['AmazonSagemakerHyperpodClusterPolicy', 'none'],
  ['AmazonSagemakerHyperpodControllerPolicy', 'none'],
  ['AmazonSagemakerHyperpodSystemNamespacePolicy', 'none'],
];

export function accessPolicyArn(name: string): string {
  return `arn:aws:eks::aws:cluster-access-policy/${name}`;
}

/** Every access policy EKS offers, sorted by name (as ListAccessPolicies returns them). */
export const ACCESS_POLICIES: readonly AccessPolicyInfo[] = POLICIES.map(([name, power]) => ({
  name,
  arn: accessPolicyArn(name),
  power,
}));

export const VIEW_POLICY_ARN = accessPolicyArn('AmazonEKSViewPolicy');
export const CLUSTER_ADMIN_POLICY_ARN = accessPolicyArn('AmazonEKSClusterAdminPolicy');

export function findAccessPolicy(arn: string): AccessPolicyInfo | undefined {
  return ACCESS_POLICIES.find((policy) => policy.arn === arn);
}
