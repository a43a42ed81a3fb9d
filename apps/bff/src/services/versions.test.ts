import { describe, expect, it } from 'vitest';
import { allowedSkew, skewOf } from './versions.ts';

describe('node group version skew in the upgrade plan', () => {
  it('lets kubelets trail by three minors from Kubernetes 1.28 on', () => {
    expect(allowedSkew('1.28')).toBe(3);
    expect(skewOf('1.32', '1.29')).toEqual({ behind: 3, tooFar: false });
    expect(skewOf('1.32', '1.28')).toEqual({ behind: 4, tooFar: true });
  });

  it('lets kubelets trail by two minors before 1.28', () => {
    expect(allowedSkew('1.27')).toBe(2);
    expect(skewOf('1.27', '1.25')).toEqual({ behind: 2, tooFar: false });
    expect(skewOf('1.27', '1.24')).toEqual({ behind: 3, tooFar: true });
  });
});
