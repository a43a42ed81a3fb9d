import { describe, expect, it } from 'vitest';
import { MAX_POINTS, thin } from './metricsService.ts';

const series = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    t: 1_000 + i * 15_000,
    cpuMillicores: i,
    memoryBytes: 1_000 * i,
  }));

describe('the points of a series in an answer', () => {
  it('keeps a short series as it is', () => {
    expect(thin(series(MAX_POINTS))).toEqual(series(MAX_POINTS));
  });

  it('averages an hour of 15 s samples into 60 points ending at the newest sample', () => {
    const hour = series(240);
    const thinned = thin(hour);
    expect(thinned).toHaveLength(60);
    // Four samples a point: 0..3 average 1.5 (rounded to 2), at the fourth one's time.
    expect(thinned[0]).toEqual({ t: hour[3]!.t, cpuMillicores: 2, memoryBytes: 1_500 });
    expect(thinned.at(-1)!.t).toBe(hour.at(-1)!.t);
    const times = thinned.map((point) => point.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
