import { describe, expect, it } from 'vitest';
import { accessPolicyArn, eksArn, partitionOf } from './partition.ts';

describe('ARNs the console writes', () => {
  it('carry the partition of their region', () => {
    expect(eksArn('us-east-1', '123456789012', 'cluster/prod')).toBe(
      'arn:aws:eks:us-east-1:123456789012:cluster/prod',
    );
    expect(eksArn('cn-north-1', '123456789012', 'cluster/prod')).toBe(
      'arn:aws-cn:eks:cn-north-1:123456789012:cluster/prod',
    );
    expect(eksArn('us-gov-west-1', '123456789012', 'nodegroup/prod/general/x')).toBe(
      'arn:aws-us-gov:eks:us-gov-west-1:123456789012:nodegroup/prod/general/x',
    );
    expect(accessPolicyArn('cn-northwest-1', 'AmazonEKSViewPolicy')).toBe(
      'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    );
  });

  it('tell the isolated partitions apart', () => {
    expect(['us-iso-east-1', 'us-isob-east-1', 'eu-west-1'].map(partitionOf)).toEqual([
      'aws-iso',
      'aws-iso-b',
      'aws',
    ]);
  });
});
