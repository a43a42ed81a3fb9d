import { describe, expect, it } from 'vitest';
import { enteringExtended, hourlyPriceOf } from './costService.ts';

const NOW = new Date('2026-12-04T00:00:00Z');

describe('control-plane price', () => {
  it('is $0.10 an hour in standard support, $0.60 in extended (and past it), nothing for connected clusters', () => {
    const standard = { connected: false, versionSupport: { status: 'STANDARD_SUPPORT' as const } };
    expect(hourlyPriceOf(standard)).toBe(0.1);
    expect(hourlyPriceOf({ ...standard, versionSupport: { status: 'EXTENDED_SUPPORT' } })).toBe(
      0.6,
    );
    expect(hourlyPriceOf({ ...standard, versionSupport: { status: 'UNSUPPORTED' } })).toBe(0.6);
    expect(hourlyPriceOf({ ...standard, connected: true })).toBe(0);
  });

  it('names a cluster whose standard support ends within 90 days, with $365 more a month', () => {
    const ending = (date: string) =>
      enteringExtended(
        {
          connected: false,
          versionSupport: { status: 'STANDARD_SUPPORT', endOfStandardSupport: `${date}T00:00:00Z` },
        },
        NOW,
      );
    expect(ending('2027-01-15')).toEqual({
      on: '2027-01-15',
      daysLeft: 42,
      monthlyIncreaseUsd: 365,
    });
    expect(ending('2027-03-04')?.daysLeft).toBe(90);
    expect(ending('2027-03-05')).toBeUndefined();
    expect(
      enteringExtended({ connected: false, versionSupport: { status: 'EXTENDED_SUPPORT' } }, NOW),
    ).toBeUndefined();
  });
});
