import { describe, expect, it } from 'vitest';
import { parseCron } from './cronSchedule.ts';

const next = (expression: string, after: string) =>
  parseCron(expression).next(new Date(after))?.toISOString();

describe('cron schedules', () => {
  it('find the next minute of steps, lists, ranges and macros', () => {
    expect(next('*/15 * * * *', '2026-11-26T12:07:30Z')).toBe('2026-11-26T12:15:00.000Z');
    expect(next('0 2 * * *', '2026-11-26T12:00:00Z')).toBe('2026-11-27T02:00:00.000Z');
    expect(next('30 9 * * 1-5', '2026-11-27T10:00:00Z')).toBe('2026-11-30T09:30:00.000Z');
    expect(next('0 0,12 * * *', '2026-11-26T00:00:00Z')).toBe('2026-11-26T12:00:00.000Z');
    expect(next('@hourly', '2026-11-26T12:00:00Z')).toBe('2026-11-26T13:00:00.000Z');
  });

  it('refuses malformed schedules', () => {
    expect(() => parseCron('61 * * * *')).toThrow(/invalid cron/);
    expect(() => parseCron('* * *')).toThrow(/invalid cron/);
  });
});
