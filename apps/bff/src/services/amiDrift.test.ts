import { describe, expect, it } from 'vitest';
import { amiFamily, nodegroupDrift, releaseCatalogue, type AmiFamily } from './amiDrift.ts';

const ROOT = '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard';
const at = (day: string) => new Date(`${day}T18:00:00Z`);
const PARAMETERS = [
  {
    name: `${ROOT}/amazon-eks-node-al2023-x86_64-standard-1.31-v20250103/image_id`,
    value: 'ami-a',
    lastModified: at('2025-01-05'),
  },
  {
    name: `${ROOT}/amazon-eks-node-al2023-x86_64-standard-1.31-v20250203/image_id`,
    value: 'ami-b',
    lastModified: at('2025-02-05'),
  },
  {
    name: `${ROOT}/amazon-eks-node-al2023-x86_64-standard-1.31-v20250303/image_id`,
    value: 'ami-c',
    lastModified: at('2025-03-05'),
  },
  {
    name: `${ROOT}/recommended/release_version`,
    value: '1.31.3-20250303',
    lastModified: at('2025-03-05'),
  },
  { name: `${ROOT}/recommended/image_id`, value: 'ami-c', lastModified: at('2025-03-05') },
];
const family = amiFamily('AL2023_x86_64_STANDARD', '1.31') as AmiFamily;

describe('AMI drift', () => {
  it('finds the parameter family of each AMI type, and none for AL2 from 1.33 on', () => {
    expect(family).toEqual({ root: ROOT, kind: 'eks' });
    expect(amiFamily('BOTTLEROCKET_ARM_64', '1.33')).toEqual({
      root: '/aws/service/bottlerocket/aws-k8s-1.33/arm64',
      kind: 'bottlerocket',
    });
    expect(amiFamily('AL2_x86_64', '1.32')).toMatchObject({ kind: 'eks' });
    expect(amiFamily('AL2_x86_64', '1.33')).toEqual({
      reason: 'AWS publishes no AL2_x86_64 AMI for Kubernetes 1.33 (AL2 ends at 1.32).',
    });
    expect(amiFamily('CUSTOM', '1.31')).toHaveProperty('reason');
  });

  it('counts the releases and days between a group and the recommended release', () => {
    const catalogue = releaseCatalogue(family, PARAMETERS);
    const ng = { amiType: 'AL2023_x86_64_STANDARD' as const, version: '1.31' };
    expect(
      nodegroupDrift({ ...ng, releaseVersion: '1.31.2-20250103' }, family, catalogue),
    ).toMatchObject({
      status: 'behind',
      latestReleaseVersion: '1.31.3-20250303',
      releasesBehind: 2,
      daysBehind: 59,
    });
    expect(
      nodegroupDrift({ ...ng, releaseVersion: '1.31.3-20250303' }, family, catalogue),
    ).toMatchObject({
      status: 'latest',
      releasesBehind: 0,
    });
    // A release SSM does not list is not guessed at.
    expect(
      nodegroupDrift({ ...ng, releaseVersion: '1.31.1-20241201' }, family, catalogue),
    ).toMatchObject({
      status: 'unknown',
      reason:
        'Release 1.31.1-20241201 is not among the releases SSM lists for AL2023_x86_64_STANDARD 1.31.',
    });
    expect(
      nodegroupDrift(
        { ...ng, releaseVersion: '1.31.3-20250303' },
        family,
        releaseCatalogue(family, []),
      ),
    ).toMatchObject({
      status: 'unknown',
    });
  });
});
