import { describe, expect, it } from 'vitest';
import { humanDuration } from './humanDuration.ts';

describe('ages as kubectl prints them', () => {
  it('follows duration.HumanDuration', () => {
    const s = 1000;
    expect(humanDuration(45 * s)).toBe('45s');
    expect(humanDuration(119 * s)).toBe('119s');
    expect(humanDuration(3 * 60 * s + 12 * s)).toBe('3m12s');
    expect(humanDuration(42 * 60 * s)).toBe('42m');
    expect(humanDuration(5 * 3600 * s + 10 * 60 * s)).toBe('5h10m');
    expect(humanDuration(30 * 3600 * s)).toBe('30h');
    expect(humanDuration(4 * 86_400 * s + 5 * 3600 * s)).toBe('4d5h');
    expect(humanDuration(400 * 86_400 * s)).toBe('400d');
    expect(humanDuration(3 * 365 * 86_400 * s + 20 * 86_400 * s)).toBe('3y20d');
  });
});
