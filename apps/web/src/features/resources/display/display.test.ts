import { describe, expect, it } from 'vitest';
import { formatAge } from './age.ts';
import { conditionTone } from './conditions.ts';
import { podStatusText, podStatusTone } from './podStatus.ts';
import { formatCpu, formatMemory, percentOf } from './units.ts';

describe('pod status', () => {
  it('shows the reason when there is one, else the phase', () => {
    expect(podStatusText({ phase: 'Running', reason: 'CrashLoopBackOff' })).toBe(
      'CrashLoopBackOff',
    );
    expect(podStatusText({ phase: 'Succeeded' })).toBe('Succeeded');
  });

  it('colours as operators expect', () => {
    expect(podStatusTone({ phase: 'Running', reason: 'CrashLoopBackOff' })).toBe('danger');
    expect(podStatusTone({ phase: 'Pending', reason: 'ImagePullBackOff' })).toBe('danger');
    expect(podStatusTone({ phase: 'Failed' })).toBe('danger');
    expect(podStatusTone({ phase: 'Pending' })).toBe('warning');
    expect(podStatusTone({ phase: 'Pending', reason: 'Unschedulable' })).toBe('warning');
    expect(podStatusTone({ phase: 'Running' })).toBe('success');
    expect(podStatusTone({ phase: 'Succeeded' })).toBe('neutral');
    expect(podStatusTone({ phase: 'Running', reason: 'Terminating' })).toBe('neutral');
  });
});

describe('formatAge', () => {
  const now = Date.parse('2024-05-10T12:00:00Z');
  it('prints the largest whole unit, as kubectl does', () => {
    expect(formatAge('2024-05-10T11:59:15Z', now)).toBe('45s');
    expect(formatAge('2024-05-10T11:48:00Z', now)).toBe('12m');
    expect(formatAge('2024-05-10T09:00:00Z', now)).toBe('3h');
    expect(formatAge('2024-05-05T12:00:00Z', now)).toBe('5d');
    expect(formatAge(undefined, now)).toBe('—');
  });
});

describe('units', () => {
  it('formats CPU and memory in the units people read', () => {
    expect(formatCpu(250)).toBe('250m');
    expect(formatCpu(1930)).toBe('1.93 cores');
    expect(formatMemory(512 * 1024 ** 2)).toBe('512 MiB');
    expect(formatMemory(7.5 * 1024 ** 3)).toBe('7.5 GiB');
    expect(percentOf(965, 1930)).toBe(50);
    expect(percentOf(1, 0)).toBe(0);
  });
});

describe('conditionTone', () => {
  it('reads each condition by whether True is good news', () => {
    expect(conditionTone({ type: 'Available', status: 'True' })).toBe('success');
    expect(conditionTone({ type: 'Available', status: 'False' })).toBe('warning');
    expect(conditionTone({ type: 'Progressing', status: 'True' })).toBe('info');
    expect(conditionTone({ type: 'ReplicaFailure', status: 'True' })).toBe('danger');
    expect(conditionTone({ type: 'MemoryPressure', status: 'False' })).toBe('neutral');
  });
});
