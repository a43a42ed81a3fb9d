import type { Instance } from '@wheelhouse/contract';
import { describe, expect, it } from 'vitest';
import { inServiceCount } from './computeMapping.ts';

const instance = (lifecycleState: string | undefined): Instance => ({
  instanceId: `i-${lifecycleState ?? 'none'}`,
  instanceType: 'm6i.large',
  availabilityZone: 'us-east-1a',
  lifecycle: 'on-demand',
  state: 'running',
  ...(lifecycleState ? { lifecycleState } : {}),
});

describe("a node group's current instances", () => {
  it('count only the instances Auto Scaling has InService', () => {
    const states = ['InService', 'Pending', 'Pending:Wait', 'Terminating', 'Standby', 'InService'];
    expect(inServiceCount(states.map(instance))).toBe(2);
  });

  it('count an instance Auto Scaling reports without a lifecycle state as in service', () => {
    expect(inServiceCount([instance(undefined), instance('Terminating:Wait')])).toBe(1);
  });
});
