/**
 * AWS partitions by region: ARNs carry the partition (`arn:aws-cn:...` in China, `arn:aws-us-gov:...`
 * in GovCloud), so an ARN the console writes must take it from the region, never assume `aws`.
 */
const PARTITIONS: [prefix: string, partition: string][] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-iso-', 'aws-iso'],
];

export function partitionOf(region: string): string {
  return PARTITIONS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

/** An EKS ARN, e.g. `eksArn('cn-north-1', '123456789012', 'cluster/prod')`. */
export const eksArn = (region: string, accountId: string, resource: string) =>
  `arn:${partitionOf(region)}:eks:${region}:${accountId}:${resource}`;

/** An AWS-managed EKS access policy, e.g. AmazonEKSViewPolicy, in the region's partition. */
export const accessPolicyArn = (region: string, policy: string) =>
  `arn:${partitionOf(region)}:eks::aws:cluster-access-policy/${policy}`;
