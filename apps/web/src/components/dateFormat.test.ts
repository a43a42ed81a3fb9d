import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative } from './dateFormat.ts';

describe('dateFormat', () => {
  const now = Date.parse('2025-06-01T12:00:00.000Z');

  it('says how long ago in the largest whole unit', () => {
    expect(formatRelative('2025-06-01T11:59:30.000Z', now)).toBe('30 seconds ago');
    expect(formatRelative('2025-05-29T12:00:00.000Z', now)).toBe('3 days ago');
    expect(formatRelative('2024-05-01T12:00:00.000Z', now)).toBe('last year');
    expect(formatRelative('2025-08-01T12:00:00.000Z', now)).toBe('in 2 months');
  });

  it('prints absolute times in UTC', () => {
    expect(formatDate('2027-03-23T00:00:00.000Z')).toBe('2027-03-23');
    expect(formatDateTime('2024-05-01T14:03:59.000Z')).toBe('2024-05-01 14:03 UTC');
  });
});
