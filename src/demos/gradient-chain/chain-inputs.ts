import { INITIALIZERS } from '../../nn/initializers.ts';
import { createRandom } from '../../nn/random.ts';
import type { GradientChainState } from './schema.ts';

/**
 * What every column shares: the same weights w_k and, in `sampled` mode, the same pre-activations z_k,
 * so that sigmoid, tanh and ReLU differ only in A.
 */
export interface ChainInputs {
  readonly depth: number;
  /** The input x fed to layer 1. */
  readonly x: number;
  /** w_1 … w_n (index k − 1). */
  readonly weights: Float64Array;
  /** Wanted z_1 … z_n, or null when z comes from pushing x forward. */
  readonly zTargets: Float64Array | null;
}

/** Spread of the sampled pre-activations: z_k ~ N(0, 1.5²) puts most of them where A′ varies. */
export const SAMPLED_Z_STD = 1.5;

/**
 * Two independent seeded streams (2·seed for weights, 2·seed + 1 for z), so switching the
 * weights between constant and drawn does not change the drawn z, and the reverse.
 */
export function chainInputs(state: GradientChainState): ChainInputs {
  const depth = state.depth;
  const weights = new Float64Array(depth);
  if (state.init === 'const') {
    weights.fill(state.w);
  } else {
    const random = createRandom(2 * state.seed);
    const initializer = INITIALIZERS[state.init];
    for (let k = 0; k < depth; k++) weights[k] = initializer.sample(1, 1, random);
  }
  let zTargets: Float64Array | null = null;
  if (state.z === 'sampled') {
    const random = createRandom(2 * state.seed + 1);
    zTargets = new Float64Array(depth);
    for (let k = 0; k < depth; k++) zTargets[k] = random.normal(0, SAMPLED_Z_STD);
  }
  return { depth, x: state.x, weights, zTargets };
}
