import { describe, expect, it } from 'vitest';
import type { Instance } from '@wheelhouse/contract';
import { uniformityOf } from './uniformity.ts';

const instance = (id: string, overrides: Partial<Instance> = {}): Instance => ({
  instanceId: id,
  instanceType: 'm6i.large',
  availabilityZone: 'eu-west-1a',
  lifecycle: 'on-demand',
  state: 'running',
  imageId: 'ami-new',
  iamInstanceProfile: 'arn:aws:iam::123456789012:instance-profile/nodes',
  ...overrides,
});

describe('uniformityOf', () => {
  it('finds a group uniform when type, AMI and role agree', () => {
    const result = uniformityOf([instance('i-1'), instance('i-2')]);
    expect(result).toMatchObject({
      uniform: true,
      outliers: [],
      instanceTypes: ['m6i.large'],
      imageIds: ['ami-new'],
    });
  });

  it('names the instances left behind by a half-done AMI update', () => {
    const result = uniformityOf([
      instance('i-1'),
      instance('i-2'),
      instance('i-3', { imageId: 'ami-old' }),
    ]);
    expect(result.uniform).toBe(false);
    expect(result.imageIds).toEqual(['ami-new', 'ami-old']);
    expect(result.outliers).toEqual([{ instanceId: 'i-3', differs: ['imageId'] }]);
  });

  it('reports every trait that differs and ignores terminated instances', () => {
    const result = uniformityOf([
      instance('i-1'),
      instance('i-2'),
      instance('i-3', {
        instanceType: 'm5.large',
        iamInstanceProfile: 'arn:aws:iam::123456789012:instance-profile/old',
      }),
      instance('i-4', { instanceType: 'c5.xlarge', state: 'terminated' }),
    ]);
    expect(result.instanceTypes).toEqual(['m5.large', 'm6i.large']);
    expect(result.outliers).toEqual([{ instanceId: 'i-3', differs: ['instanceType', 'role'] }]);
  });
});
