import { describe, expect, it } from 'vitest';
import { decadeTicks, powerOfTen, powerOfTenLabel } from '../../src/ui/log-axis.ts';

describe('log axis', () => {
  it('labels only powers of ten', () => {
    expect(powerOfTenLabel(1e-40)).toBe('10⁻⁴⁰');
    expect(powerOfTenLabel(1)).toBe('1');
    expect(powerOfTenLabel(100)).toBe('10²');
    expect(powerOfTenLabel(3e-5)).toBe('');
  });

  it('spaces ticks at round exponents, at most five', () => {
    expect(decadeTicks([1e-64, 1e2])).toEqual([1, 1e-20, 1e-40, 1e-60]);
    expect(decadeTicks([1e-6, 1e2])).toEqual([1e2, 1, 1e-2, 1e-4, 1e-6]);
    expect(decadeTicks([1, 1e180])).toEqual([1e150, 1e100, 1e50, 1]);
  });

  it('gives the double nearest each power of ten', () => {
    expect(powerOfTen(-20)).toBe(1e-20);
    expect(powerOfTen(5)).toBe(1e5);
  });
});
