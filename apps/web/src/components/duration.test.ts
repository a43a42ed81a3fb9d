import { describe, expect, it } from 'vitest';
import { expiryCountdown, formatDuration } from './duration.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it('gives the two largest units, rounded down', () => {
    expect(formatDuration(2 * DAY + 3 * HOUR + 59 * MINUTE)).toBe('2 d 3 h');
    expect(formatDuration(5 * HOUR + 30 * SECOND)).toBe('5 h');
    expect(formatDuration(4 * MINUTE + 10 * SECOND + 900)).toBe('4 min 10 s');
    expect(formatDuration(12 * SECOND + 999)).toBe('12 s');
    expect(formatDuration(3 * DAY)).toBe('3 d');
  });

  it('says 0 s for no time or a negative span', () => {
    expect(formatDuration(400)).toBe('0 s');
    expect(formatDuration(-5 * SECOND)).toBe('0 s');
  });
});

describe('expiryCountdown', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');

  it('counts down to the expiry', () => {
    expect(expiryCountdown('2024-05-03T13:00:00Z', now)).toEqual({
      expired: false,
      text: 'expires in 2 d 3 h',
    });
    expect(expiryCountdown('2024-05-01T10:00:42Z', now).text).toBe('expires in 42 s');
  });

  it('says expired once the moment has passed', () => {
    expect(expiryCountdown('2024-05-01T10:00:00Z', now)).toEqual({
      expired: true,
      text: 'expired 0 s ago',
    });
    expect(expiryCountdown('2024-04-30T09:00:00Z', now)).toEqual({
      expired: true,
      text: 'expired 1 d 1 h ago',
    });
  });
});
