import { describe, expect, it } from 'vitest';
import { FLOAT32_MIN_SUBNORMAL, float32ZeroLayer } from '../../../src/demos/gradient-chain/float32.ts';
import { isRevealed, pulseLayer, stepForLayer } from '../../../src/demos/gradient-chain/pulse.ts';

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
