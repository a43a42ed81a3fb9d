import { describe, expect, it } from 'vitest';
import type { Instance } from '@wheelhouse/contract';
import { updateProgress } from './updateProgress.ts';

const started = new Date('2026-11-27T01:18:00Z');
const instance = (id: string, launched: string, state: string): Instance => ({
  instanceId: id,
  instanceType: 'm6i.large',
  availabilityZone: 'eu-west-1a',
  lifecycle: 'on-demand',
  state,
  launchTime: launched,
  lifecycleState: state === 'running' ? 'InService' : 'Pending',
});
const OLD = '2025-11-21T01:25:00Z';
const NEW = '2026-11-27T01:18:05Z';
const versionUpdate = {
  status: 'InProgress' as const,
  createdAt: started,
  params: [{ type: 'ReleaseVersion' as const, value: 'x' }],
};

describe('updateProgress of a rolling version update', () => {
  it('counts launches and terminations: nothing done while the first new instance is pending', () => {
    const instances = [
      instance('n1', NEW, 'pending'),
      instance('o1', OLD, 'running'),
      instance('o2', OLD, 'running'),
    ];
    expect(updateProgress(versionUpdate, 2, instances)).toBe(0);
  });

  it('is half done when one of two is replaced', () => {
    const instances = [
      instance('n1', NEW, 'running'),
      instance('o1', OLD, 'shutting-down'),
      instance('o2', OLD, 'running'),
    ];
    expect(updateProgress(versionUpdate, 2, instances)).toBe(50);
  });

  it('stays below 100 until EKS says the update succeeded', () => {
    const instances = [instance('n1', NEW, 'running'), instance('n2', NEW, 'running')];
    expect(updateProgress(versionUpdate, 2, instances)).toBe(99);
    expect(updateProgress({ ...versionUpdate, status: 'Successful' }, 2, instances)).toBe(100);
    expect(updateProgress({ ...versionUpdate, status: 'Failed' }, 2, instances)).toBeUndefined();
  });
});

describe('updateProgress of a scaling update', () => {
  it('measures running instances against the new desired size', () => {
    const update = {
      status: 'InProgress' as const,
      createdAt: started,
      params: [{ type: 'DesiredSize' as const, value: '4' }],
    };
    const instances = [
      instance('a', OLD, 'running'),
      instance('b', OLD, 'running'),
      instance('c', NEW, 'running'),
      instance('d', NEW, 'pending'),
    ];
    expect(updateProgress(update, 4, instances)).toBe(75);
  });
});
