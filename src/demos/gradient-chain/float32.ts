/** float32's smallest positive (subnormal) number, 2⁻¹⁴⁹ ≈ 1.4 × 10⁻⁴⁵. Half of it already rounds to 0. */
export const FLOAT32_MIN_SUBNORMAL = 2 ** -149;

/**
 * The first layer, going backward from the output (k = n, n − 1, …), whose gradient float32
 * would store as exactly 0. `underflow`: the true value is tiny but not 0; `exact`: it is 0
 * (a ReLU with z ≤ 0, or w = 0), in float64 as well.
 */
export interface Float32Zero {
  readonly layer: number;
  readonly kind: 'underflow' | 'exact';
}

/** `gradients[k − 1]` is the gradient at layer k. */
export function float32ZeroLayer(gradients: Float64Array): Float32Zero | null {
  for (let k = gradients.length; k >= 1; k--) {
    const g = gradients[k - 1];
    if (Math.fround(g) === 0) return { layer: k, kind: g === 0 ? 'exact' : 'underflow' };
  }
  return null;
}
