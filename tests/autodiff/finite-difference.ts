import { noGrad, type Tensor } from '../../src/autodiff/index.ts';

/**
 * Central differences (f(x + h) − f(x − h)) / 2h for every element of every tensor in `wrt`,
 * evaluating `f` (which must rebuild its graph from the tensors' current data) without a graph.
 * Truncation error ~h², rounding ~ε/h: with h = 1e-6 both are far below the 1e-6 tolerance.
 */
export function numericalGradients(f: () => Tensor, wrt: readonly Tensor[], h = 1e-6): Float64Array[] {
  return wrt.map((t) => {
    const grads = new Float64Array(t.size);
    for (let i = 0; i < t.size; i++) {
      const original = t.data[i];
      t.data[i] = original + h;
      const up = noGrad(f).item();
      t.data[i] = original - h;
      const down = noGrad(f).item();
      t.data[i] = original;
      grads[i] = (up - down) / (2 * h);
    }
    return grads;
  });
}

/** |a − n| / max(|a|, |n|, 1): relative for large gradients, absolute near zero where relative is meaningless. */
export function gradientError(analytic: number, numerical: number): number {
  return Math.abs(analytic - numerical) / Math.max(Math.abs(analytic), Math.abs(numerical), 1);
}

export function maxGradientError(analytic: readonly Float64Array[], numerical: readonly Float64Array[]): number {
  let worst = 0;
  analytic.forEach((a, t) => {
    a.forEach((value, i) => {
      worst = Math.max(worst, gradientError(value, numerical[t][i]));
    });
  });
  return worst;
}
