import { extent } from 'd3-array';
import { add, backward, mul, noGrad, scalar, type Tensor, tensor } from '../../autodiff/index.ts';
import { ACTIVATIONS } from '../../nn/activations.ts';
import { createRandom } from '../../nn/random.ts';
import type { BetweenActivation } from './schema.ts';

/** One scalar layer: x ↦ w·x + b. */
export interface LinearLayer {
  readonly w: number;
  readonly b: number;
}

/** Both stacks are drawn on x ∈ [−3, 3]. */
export const LINEAR_WINDOW = 3;
export const LINEAR_SAMPLES = 301;

/** How wide (in pre-activation units) each layer spreads its input: wide enough to bend σ and tanh. */
const SPREAD = { low: 5, high: 8 } as const;

/**
 * Runs k layers; with an activation, it is applied between layers (k − 1 times), not after the
 * last one, as in a network's hidden layers. Every value goes through the engine's ops.
 */
export function runStack(layers: readonly LinearLayer[], activation: BetweenActivation | null, x: Tensor): Tensor {
  const apply = activation ? ACTIVATIONS[activation].apply : null;
  return layers.reduce((h, layer, i) => {
    const z = add(mul(layer.w, h), layer.b);
    return apply && i < layers.length - 1 ? apply(z) : z;
  }, x);
}

/**
 * k random layers from `seed`. Random signs and spreads, but each layer's scale and bias are
 * chosen from the range its input actually takes over the window (through the activation), so
 * that every pre-activation crosses 0 inside the window: each σ / tanh bends and each ReLU kinks
 * where the audience can see it. Both stacks then use these same w and b.
 */
export function stackLayers(seed: number, k: number, activation: BetweenActivation, xs: ArrayLike<number>): LinearLayer[] {
  const random = createRandom(seed);
  const apply = ACTIVATIONS[activation].apply;
  const layers: LinearLayer[] = [];
  let input = tensor(xs);
  noGrad(() => {
    for (let i = 0; i < k; i++) {
      const [low = 0, high = 0] = extent(input.data);
      const width = Math.max(high - low, 1e-9);
      const sign = random.next() < 0.5 ? -1 : 1;
      const w = (sign * random.uniform(SPREAD.low, SPREAD.high)) / width;
      // The pre-activation is 0 at a point 30–70 % of the way across the input's range.
      const b = -w * (low + random.uniform(0.3, 0.7) * width);
      layers.push({ w: Number(w.toPrecision(3)), b: Number(b.toPrecision(3)) });
      input = apply(add(mul(layers[i].w, input), layers[i].b));
    }
  });
  return layers;
}

/**
 * The single line a linear stack collapses to, read off the engine: B = y(0), and W = dy/dx
 * from backward() (the same at every x, because the stack is linear).
 */
export function collapseStack(layers: readonly LinearLayer[]): LinearLayer {
  const x = scalar(0);
  const y = runStack(layers, null, x);
  backward(y);
  return { w: x.grad[0], b: y.item() };
}

export interface LinearNumbers {
  readonly layers: readonly LinearLayer[];
  readonly xs: Float64Array;
  readonly linear: Float64Array;
  readonly bent: Float64Array;
  readonly collapsed: LinearLayer;
  readonly activation: BetweenActivation;
}

export function linearNumbers(seed: number, k: number, activation: BetweenActivation): LinearNumbers {
  const xs = new Float64Array(LINEAR_SAMPLES);
  for (let i = 0; i < LINEAR_SAMPLES; i++) xs[i] = -LINEAR_WINDOW + (2 * LINEAR_WINDOW * i) / (LINEAR_SAMPLES - 1);
  const layers = stackLayers(seed, k, activation, xs);
  return {
    layers,
    xs,
    linear: noGrad(() => runStack(layers, null, tensor(xs))).data,
    bent: noGrad(() => runStack(layers, activation, tensor(xs))).data,
    collapsed: collapseStack(layers),
    activation,
  };
}
