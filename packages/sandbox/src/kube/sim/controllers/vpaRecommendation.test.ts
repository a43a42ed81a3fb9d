import { describe, expect, it } from 'vitest';
import { formatMemory, recommend, type UsageSample } from './vpaRecommendation.ts';

const MIB = 2 ** 20;
/** Samples whose cpu runs 100m..1000m and memory 100Mi..1000Mi, one of each per step. */
const spread: UsageSample[] = Array.from({ length: 10 }, (_, i) => ({
  cpuMillis: (i + 1) * 100,
  memoryBytes: (i + 1) * 100 * MIB,
}));

describe('the VPA recommendation', () => {
  it('targets the 90th percentile with a 15% margin, bounded by the 50th and 95th once history is long', () => {
    const recommendation = recommend('app', spread, { confidenceDays: 1000, containers: 1 });
    expect(recommendation).toEqual({
      containerName: 'app',
      target: { cpu: '1035m', memory: formatMemory(1035 * MIB) },
      lowerBound: { cpu: '575m', memory: formatMemory(575 * MIB) },
      // 1150m × (1 + 1/1000), rounded up to the millicore.
      upperBound: { cpu: '1152m', memory: formatMemory(1152 * MIB) },
      uncappedTarget: { cpu: '1035m', memory: formatMemory(1035 * MIB) },
    });
  });

  it('widens the bounds while it has seen little (an hour of history)', () => {
    const hour = recommend('app', spread, { confidenceDays: 1 / 24, containers: 1 })!;
    expect(hour.target.cpu).toBe('1035m');
    expect(hour.upperBound.cpu).toBe(`${Math.ceil(1150 * 25)}m`);
    expect(Number.parseInt(hour.lowerBound.cpu!, 10)).toBeLessThan(575);
  });

  it('caps to the container policy and says what it would have been without it', () => {
    const capped = recommend('app', spread, {
      confidenceDays: 1000,
      containers: 1,
      policy: { containerName: '*', maxAllowed: { cpu: '800m' }, minAllowed: { memory: '2Gi' } },
    })!;
    expect(capped.target).toEqual({ cpu: '800m', memory: formatMemory(2048 * MIB) });
    expect(capped.upperBound.cpu).toBe('800m');
    expect(capped.lowerBound.cpu).toBe('575m');
    expect(capped.uncappedTarget).toEqual({ cpu: '1035m', memory: formatMemory(1035 * MIB) });
  });

  it('recommends at least the pod minimums (25m, 250Mi) split over the containers, only for controlled resources', () => {
    const idle = [{ cpuMillis: 1, memoryBytes: MIB }];
    expect(recommend('app', idle, { confidenceDays: 1000, containers: 1 })!.target).toEqual({
      cpu: '25m',
      memory: '262144k',
    });
    expect(
      recommend('app', idle, {
        confidenceDays: 1000,
        containers: 2,
        policy: { containerName: 'app', controlledResources: ['cpu'] },
      })!.target,
    ).toEqual({ cpu: '13m' });
    expect(recommend('app', [], { confidenceDays: 1, containers: 1 })).toBeUndefined();
  });

  it('writes memory in decimal SI when it divides, in bytes otherwise', () => {
    expect(formatMemory(250 * MIB)).toBe('262144k');
    expect(formatMemory(256 * MIB)).toBe('268435456');
    expect(formatMemory(2e9)).toBe('2G');
  });
});
