import { describe, expect, it } from 'vitest';
import { NodeMetricsQuery, parseMetricsWindow, PodMetricsQuery } from './metrics.ts';

describe('parseMetricsWindow', () => {
  it('reads seconds, minutes and hours up to the hour the console keeps', () => {
    expect(parseMetricsWindow('5m')).toBe(300_000);
    expect(parseMetricsWindow('15m')).toBe(900_000);
    expect(parseMetricsWindow('1h')).toBe(3_600_000);
    expect(parseMetricsWindow('90s')).toBe(90_000);
    expect(parseMetricsWindow('60m')).toBe(3_600_000);
  });

  it('refuses longer than an hour, shorter than one sample, and anything else', () => {
    for (const bad of ['2h', '61m', '10s', '0m', '15', 'm', '1d', '-5m', '1.5h', '']) {
      expect(parseMetricsWindow(bad), bad).toBeUndefined();
    }
  });
});

describe('the metrics queries', () => {
  it('default to 15 minutes and name `window` when it is bad', () => {
    expect(NodeMetricsQuery.parse({})).toEqual({ window: 900_000 });
    const bad = PodMetricsQuery.safeParse({ window: '2h' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['window']);
    expect(bad.error?.issues[0]?.message).toMatch(/up to 1h/);
  });
});
