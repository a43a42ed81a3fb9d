import { describe, expect, it } from 'vitest';
import type { FargateProfile, FargateSelector } from '@wheelhouse/contract';
import { findOverlaps, matchPod, patternsIntersect, selectorMatches } from './fargateMatching.ts';

const profile = (
  name: string,
  selectors: FargateSelector[],
  status: FargateProfile['status'] = 'ACTIVE',
): FargateProfile => ({
  name,
  arn: `arn:aws:eks:eu-west-1:123456789012:fargateprofile/c/${name}/1`,
  status,
  podExecutionRoleArn: 'arn:aws:iam::123456789012:role/pod',
  subnets: ['subnet-1'],
  selectors,
  tags: {},
  health: [],
});

describe('selectorMatches', () => {
  it('needs the namespace and every selector label on the pod', () => {
    const selector = { namespace: 'batch', labels: { tier: 'jobs' } };
    expect(selectorMatches(selector, 'batch', { tier: 'jobs', extra: 'x' })).toBe(true);
    expect(selectorMatches(selector, 'batch', {})).toBe(false);
    expect(selectorMatches(selector, 'web', { tier: 'jobs' })).toBe(false);
  });

  it('understands * and ? wildcards', () => {
    expect(selectorMatches({ namespace: 'team-*' }, 'team-a', {})).toBe(true);
    expect(selectorMatches({ namespace: 'prod-?' }, 'prod-10', {})).toBe(false);
    expect(
      selectorMatches({ namespace: 'x', labels: { app: 'api-*' } }, 'x', { app: 'api-v2' }),
    ).toBe(true);
  });
});

describe('patternsIntersect', () => {
  it('compares literals and globs', () => {
    expect(patternsIntersect('batch', 'batch')).toBe(true);
    expect(patternsIntersect('batch', 'web')).toBe(false);
    expect(patternsIntersect('team-*', 'team-a')).toBe(true);
    expect(patternsIntersect('team-*', '*-a')).toBe(true);
    expect(patternsIntersect('team-*', 'ops-*')).toBe(false);
  });
});

describe('findOverlaps', () => {
  it('flags profiles that can both take one pod, with an example of such a pod', () => {
    const overlaps = findOverlaps([
      profile('default', [{ namespace: 'default' }, { namespace: 'batch' }]),
      profile('batch-jobs', [{ namespace: 'batch', labels: { tier: 'jobs' } }]),
      profile('web', [{ namespace: 'web' }]),
    ]);
    expect(overlaps).toEqual([
      { profiles: ['default', 'batch-jobs'], namespace: 'batch', labels: { tier: 'jobs' } },
    ]);
  });

  it('does not flag selectors that require different values of one label', () => {
    expect(
      findOverlaps([
        profile('a', [{ namespace: 'ns', labels: { tier: 'x' } }]),
        profile('b', [{ namespace: 'ns', labels: { tier: 'y' } }]),
      ]),
    ).toEqual([]);
  });
});

describe('matchPod', () => {
  const profiles = [
    profile('default', [{ namespace: 'batch' }]),
    profile('batch-jobs', [{ namespace: 'batch', labels: { tier: 'jobs' } }]),
    profile('old', [{ namespace: 'batch' }], 'DELETING'),
  ];

  it('names every active profile that matches and says the pick is random', () => {
    expect(matchPod(profiles, 'batch', { tier: 'jobs' })).toEqual({
      matches: [
        { profile: 'default', selectorIndex: 0 },
        { profile: 'batch-jobs', selectorIndex: 0 },
      ],
      random: true,
    });
  });

  it('gives one profile when only one matches, and none for other namespaces', () => {
    expect(matchPod(profiles, 'batch', {})).toEqual({
      matches: [{ profile: 'default', selectorIndex: 0 }],
      random: false,
    });
    expect(matchPod(profiles, 'web', {})).toEqual({ matches: [], random: false });
  });
});
