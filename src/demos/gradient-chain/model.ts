import { add, backward, mul, pow, scalar, sub, type Tensor } from '../../autodiff/index.ts';
import { ACTIVATIONS, sampleActivation } from '../../nn/activations.ts';
import type { ChainInputs } from './chain-inputs.ts';
import { type Float32Zero, float32ZeroLayer } from './float32.ts';
import type { ChainActivation } from './schema.ts';

/** The target of Φ = (y − t)², as in the deck's worked example (slide 12: x = 2, t = 10). */
export const TARGET = 10;

/** max over z of A′(z): σ′(0) = 1/4, tanh′(0) = 1, ReLU′ = 1 for z > 0. The ceiling uses it. */
export const MAX_DERIVATIVE: Readonly<Record<ChainActivation, number>> = { sigmoid: 0.25, tanh: 1, relu: 1 };

/**
 * A chain of n one-unit layers, in the slides' notation:
 *   z_k = w_k·x_{k−1} + b_k,  x_k = A(z_k),  x_0 = x,  y = x_n,  Φ = (y − t)².
 * b_k is layer k's parameter; the gradient reaching it is
 *   ∂Φ/∂b_k = ∂Φ/∂y · w_{k+1}⋯w_n · A′(z_k)A′(z_{k+1})⋯A′(z_n),
 * which for k = 1 is the slides' ∂Φ/∂y · w₂⋯wₙ · A₁′A₂′⋯Aₙ′ (n factors A′, n − 1 weights).
 * Arrays are indexed k − 1.
 */
export interface GradientChain {
  readonly activation: ChainActivation;
  readonly depth: number;
  readonly weights: Float64Array;
  /** z_k as the engine computed it. */
  readonly z: Float64Array;
  /** A′(z_k), from the engine's backward pass through the activation op. */
  readonly derivatives: Float64Array;
  readonly y: number;
  /** ∂Φ/∂y = 2(y − t). */
  readonly dPhiDy: number;
  /** ∂Φ/∂b_k, all from one backward() through the engine graph. */
  readonly gradients: Float64Array;
  /** |∂Φ/∂y| · |w_{k+1}⋯w_n| · (max A′)^{n−k+1}: what |∂Φ/∂b_k| would be if every A′ were at its maximum. */
  readonly ceiling: Float64Array;
  /** Where float32 would first hold exactly 0 on the way back, or null. */
  readonly float32Zero: Float32Zero | null;
}

/** Builds the chain from engine scalars, runs one backward() from Φ, and reads every b_k's gradient. */
export function gradientChain(activation: ChainActivation, inputs: ChainInputs): GradientChain {
  const apply = ACTIVATIONS[activation].apply;
  const n = inputs.depth;
  const parameters: Tensor[] = [];
  const preActivations: Tensor[] = [];
  // x_{k−1} going into layer k; after the loop, x_n = y.
  let x: Tensor = scalar(inputs.x, 'x');
  for (let k = 1; k <= n; k++) {
    const weighted = mul(scalar(inputs.weights[k - 1], `w${k}`), x);
    // In sampled mode b_k is set so that z_k lands on the drawn value; otherwise b_k = 0.
    const bias = inputs.zTargets === null ? 0 : inputs.zTargets[k - 1] - weighted.item();
    const parameter = scalar(bias, `b${k}`);
    const z = add(weighted, parameter);
    parameters.push(parameter);
    preActivations.push(z);
    x = apply(z);
  }
  const y = x;
  const loss = pow(sub(y, TARGET), 2);
  backward(loss);

  const z = Float64Array.from(preActivations, (node) => node.item());
  const gradients = Float64Array.from(parameters, (node) => node.grad[0]);
  const dPhiDy = y.grad[0];
  return {
    activation,
    depth: n,
    weights: inputs.weights,
    z,
    derivatives: sampleActivation(activation, z).dy,
    y: y.item(),
    dPhiDy,
    gradients,
    ceiling: gradientCeiling(dPhiDy, inputs.weights, MAX_DERIVATIVE[activation]),
    float32Zero: float32ZeroLayer(gradients),
  };
}

/**
 * The bound multiplied in the same order as the true product. Rounding is monotone, so even in
 * floating point |∂Φ/∂b_k| ≤ ceiling_k whenever every A′ ≤ maxDerivative.
 */
export function gradientCeiling(dPhiDy: number, weights: Float64Array, maxDerivative: number): Float64Array {
  const n = weights.length;
  const ceiling = new Float64Array(n);
  let bound = Math.abs(dPhiDy) * maxDerivative;
  for (let k = n; k >= 1; k--) {
    if (k < n) bound = bound * Math.abs(weights[k]) * maxDerivative;
    ceiling[k - 1] = bound;
  }
  return ceiling;
}

/** f′ on an even grid over [−halfWidth, halfWidth], by the engine, for drawing the curve. */
export function derivativeCurve(activation: ChainActivation, halfWidth: number, samples = 241): { z: Float64Array; dy: Float64Array } {
  const z = Float64Array.from({ length: samples }, (_, i) => -halfWidth + (2 * halfWidth * i) / (samples - 1));
  return { z, dy: sampleActivation(activation, z).dy };
}
