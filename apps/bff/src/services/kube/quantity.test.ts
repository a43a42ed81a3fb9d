import { describe, expect, it } from 'vitest';
import { cpuMillis, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it('reads binary and decimal suffixes and exponents', () => {
    expect(parseQuantity('512Mi')).toBe(512 * 2 ** 20);
    expect(parseQuantity('7629160Ki')).toBe(7629160 * 1024);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e9')).toBe(1e9);
    expect(parseQuantity(undefined)).toBe(0);
    expect(parseQuantity('12 apples')).toBeNaN();
  });

  it('turns CPU into millicores', () => {
    expect(cpuMillis('250m')).toBe(250);
    expect(cpuMillis('2')).toBe(2000);
    expect(cpuMillis('1.5')).toBe(1500);
  });
});
