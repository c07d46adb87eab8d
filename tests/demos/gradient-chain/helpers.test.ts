import { describe, expect, it } from 'vitest';
import { float32ZeroLayer, FLOAT32_MIN_SUBNORMAL } from '../../../src/demos/gradient-chain/float32.ts';
import { plainNumber, powerOfTenLabel } from '../../../src/demos/gradient-chain/format.ts';
import { isRevealed, pulseLayer, stepForLayer } from '../../../src/demos/gradient-chain/pulse.ts';
import { decadeTicks } from '../../../src/demos/gradient-chain/scales.ts';

describe('float32ZeroLayer', () => {
  it('knows float32’s smallest subnormal, 2⁻¹⁴⁹ ≈ 1.4·10⁻⁴⁵', () => {
    expect(FLOAT32_MIN_SUBNORMAL).toBeCloseTo(1.401298464e-45, 54);
    expect(Math.fround(FLOAT32_MIN_SUBNORMAL)).toBe(FLOAT32_MIN_SUBNORMAL);
  });

  it('finds the first layer from the output whose value float32 rounds to 0', () => {
    // Layer 3 is the output; 1e-46 < 2⁻¹⁵⁰ ≈ 7·10⁻⁴⁶ rounds to 0, 1e-45 does not.
    expect(float32ZeroLayer(Float64Array.of(1e-50, 1e-46, 1e-45))).toEqual({ layer: 2, kind: 'underflow' });
    expect(float32ZeroLayer(Float64Array.of(0, 0.5, 1))).toEqual({ layer: 1, kind: 'exact' });
    expect(float32ZeroLayer(Float64Array.of(1e-40, 2))).toBeNull();
  });
});

describe('plainNumber', () => {
  it('writes numbers as the key figures show them', () => {
    expect(plainNumber(0.25)).toBe('0.25');
    expect(plainNumber(-18.755)).toBe('−18.8');
    expect(plainNumber(0.25 ** 10)).toBe('9.54×10⁻⁷');
    expect(plainNumber(0)).toBe('0');
    expect(plainNumber(1.2e61)).toBe('1.2×10⁶¹');
  });

  it('labels only powers of ten on the log axis', () => {
    expect(powerOfTenLabel(1e-40)).toBe('10⁻⁴⁰');
    expect(powerOfTenLabel(1)).toBe('1');
    expect(powerOfTenLabel(100)).toBe('10²');
    expect(powerOfTenLabel(3e-5)).toBe('');
  });

  it('spaces log ticks at round exponents, at most five', () => {
    expect(decadeTicks([1e-64, 1e2])).toEqual([1, 1e-20, 1e-40, 1e-60]);
    expect(decadeTicks([1e-6, 1e2])).toEqual([1e2, 1, 1e-2, 1e-4, 1e-6]);
  });
});

describe('pulse', () => {
  it('walks from the output (step 1 = layer n) to layer 1 (step n)', () => {
    expect(pulseLayer(10, 0)).toBeNull();
    expect(pulseLayer(10, 1)).toBe(10);
    expect(pulseLayer(10, 10)).toBe(1);
    expect(stepForLayer(10, 1)).toBe(10);
    expect(isRevealed(10, 3, 8)).toBe(true);
    expect(isRevealed(10, 3, 7)).toBe(false);
  });
});
