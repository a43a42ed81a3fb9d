import { describe, expect, it } from 'vitest';
import type { Instance } from '@wheelhouse/contract';
import { progressOf, updateSteps } from './updateProgress.ts';

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
const scaling = (desired: number) => ({
  status: 'InProgress' as const,
  createdAt: started,
  params: [{ type: 'DesiredSize' as const, value: String(desired) }],
});

describe('steps of a rolling version update', () => {
  it('counts a node replaced once its new instance runs and the old one is gone', () => {
    const pending = [
      instance('n1', NEW, 'pending'),
      instance('o1', OLD, 'running'),
      instance('o2', OLD, 'running'),
    ];
    expect(updateSteps(versionUpdate, 2, pending)).toEqual({
      text: '0 of 2 nodes replaced',
      done: 0,
      total: 2,
    });
    const oneDone = [
      instance('n1', NEW, 'running'),
      instance('o1', OLD, 'shutting-down'),
      instance('o2', OLD, 'running'),
    ];
    expect(updateSteps(versionUpdate, 2, oneDone)?.text).toBe('1 of 2 nodes replaced');
    expect(progressOf(versionUpdate, updateSteps(versionUpdate, 2, oneDone))).toBe(50);
  });

  it('stays below 100 until EKS says the update succeeded', () => {
    const instances = [instance('n1', NEW, 'running'), instance('n2', NEW, 'running')];
    const steps = updateSteps(versionUpdate, 2, instances);
    expect(steps?.text).toBe('2 of 2 nodes replaced');
    expect(progressOf(versionUpdate, steps)).toBe(99);
    const done = { ...versionUpdate, status: 'Successful' as const };
    expect(updateSteps(done, 2, instances)).toBeUndefined();
    expect(progressOf(done, undefined)).toBe(100);
  });
});

describe('steps of a scaling update', () => {
  it('counts instances InService against the new desired size', () => {
    const instances = [
      instance('a', OLD, 'running'),
      instance('b', OLD, 'running'),
      instance('c', OLD, 'running'),
      instance('d', NEW, 'pending'),
      instance('e', NEW, 'pending'),
    ];
    const steps = updateSteps(scaling(5), 5, instances);
    expect(steps).toEqual({ text: '3 of 5 instances InService', done: 3, total: 5 });
    instances[3] = instance('d', NEW, 'running');
    expect(updateSteps(scaling(5), 5, instances)?.text).toBe('4 of 5 instances InService');
  });

  it('says how many are left when scaling in, without a fraction it cannot know', () => {
    const instances = [instance('a', OLD, 'running'), instance('b', OLD, 'running')];
    const steps = updateSteps(scaling(1), 1, instances);
    expect(steps).toEqual({ text: '2 instances InService, scaling in to 1' });
    expect(progressOf(scaling(1), steps)).toBeUndefined();
  });
});

describe('an update the instances say nothing about', () => {
  it('has no steps and no percentage: labels and taints change no instance', () => {
    const labels = {
      status: 'InProgress' as const,
      createdAt: started,
      params: [{ type: 'LabelsToAdd' as const, value: '{"tier":"web"}' }],
    };
    const instances = [instance('a', OLD, 'running')];
    expect(updateSteps(labels, 1, instances)).toBeUndefined();
    expect(progressOf(labels, undefined)).toBeUndefined();
  });
});
