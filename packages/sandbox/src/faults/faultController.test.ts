import { describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultsJson, validateFaultRule } from './faultController.ts';

const target = {
  service: 'eks',
  operation: 'ListClusters',
  region: 'us-east-1',
  accountId: '123456789012',
};

describe('FaultInjector', () => {
  it('applies a rule only to matching calls, and at most `times` times', () => {
    const faults = new FaultInjector([
      { service: 'eks', operation: 'ListClusters', throttleRate: 1, times: 2 },
    ]);
    expect(faults.decide({ ...target, operation: 'DescribeCluster' }).throttle).toBe(false);
    expect(faults.decide({ ...target, service: 'sts' }).throttle).toBe(false);
    expect(faults.decide(target).throttle).toBe(true);
    expect(faults.list()).toEqual([expect.objectContaining({ times: 1 })]);
    expect(faults.decide(target).throttle).toBe(true);
    expect(faults.decide(target).throttle).toBe(false);
    expect(faults.list()).toEqual([]);
  });

  it('adds latency, and errors at the given rate (1 when only a code is given)', () => {
    const faults = new FaultInjector();
    faults.add({ region: 'us-east-1', latencyMs: 250 });
    faults.add({ accountId: '123456789012', errorCode: 'ServerException', errorStatus: 500 });
    const decision = faults.decide(target);
    expect(decision.latencyMs).toBe(250);
    expect(decision.error).toEqual({ code: 'ServerException', status: 500 });
    expect(faults.decide({ ...target, accountId: '210987654321', region: 'eu-west-1' })).toEqual({
      latencyMs: 0,
      throttle: false,
    });
  });

  it('fails about the share of calls its errorRate says, reproducibly', () => {
    const run = () => {
      const faults = new FaultInjector([{ errorRate: 0.3 }]);
      return Array.from({ length: 1000 }, () => faults.decide(target).error !== undefined);
    };
    const outcomes = run();
    const failed = outcomes.filter(Boolean).length;
    expect(failed).toBeGreaterThan(240);
    expect(failed).toBeLessThan(360);
    expect(run()).toEqual(outcomes);
  });

  it('rejects malformed rules with a message naming the member', () => {
    expect(() => validateFaultRule({ throttleRate: 2 })).toThrow(/throttleRate/);
    expect(() => validateFaultRule({ times: 0 })).toThrow(/times/);
    expect(() => validateFaultRule({ errorStatus: 200 })).toThrow(/errorStatus/);
    expect(() => validateFaultRule({ servce: 'eks' })).toThrow(/unknown member "servce"/);
    expect(() => parseFaultsJson('{"x":1}')).toThrow(/JSON array/);
    expect(parseFaultsJson('[{"service":"sts","latencyMs":10}]')).toEqual([
      { service: 'sts', latencyMs: 10 },
    ]);
  });
});
