import { activeRuns, trainingSchema } from '../../src/demos/training/schema.ts';
import { type Dataset, type DatasetName, makeDataset } from '../../src/nn/datasets.ts';
import type { InitializerName } from '../../src/nn/initializers.ts';
import { createMlp, type Mlp } from '../../src/nn/mlp.ts';
import { defaultState } from '../../src/ui/url-state/index.ts';

/** The activations the hand-written, tfjs and micrograd-style runners implement. */
const BENCH_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type BenchActivation = (typeof BENCH_ACTIVATIONS)[number];

/** A full-batch gradient-descent workload on a 2-D dataset, trained with mean BCE on the logit. */
export interface NetworkWorkload {
  readonly id: string;
  readonly hiddenLayers: number;
  readonly width: number;
  readonly activation: BenchActivation;
  readonly initializer: InitializerName;
  readonly points: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly seed: number;
  /** The points trained on; two spirals without noise unless given. */
  readonly data?: { readonly name: DatasetName; readonly noise: number };
}

// Xavier for the saturating activations and He for relu: the pairing each was designed for.
const initializerFor = (activation: BenchActivation): InitializerName => (activation === 'relu' ? 'he' : 'xavier');

export const DEEP_NARROW: readonly NetworkWorkload[] = BENCH_ACTIVATIONS.map((activation) => ({
  id: `W1 deep-narrow ${activation}`,
  hiddenLayers: 10,
  width: 16,
  activation,
  initializer: initializerFor(activation),
  points: 256,
  steps: 200,
  learningRate: 0.1,
  seed: 1,
}));

export const WIDE: NetworkWorkload = {
  id: 'W2 wide relu',
  hiddenLayers: 3,
  width: 64,
  activation: 'relu',
  initializer: 'he',
  points: 1024,
  steps: 100,
  learningRate: 0.1,
  seed: 2,
};

/**
 * What the training lab trains when opened with no settings (schema.ts): its three runs, each W1's
 * network on the lab's own data, initialization and learning rate. Steps/s depend a little on the
 * numbers (relu's zeros, tanh's and exp's arguments), so the lab's limit is measured on these.
 */
const LAB = defaultState(trainingSchema);
if (LAB.batch < LAB.points) throw new Error('the lab no longer trains full batch by default: LAB_RUNS would not be what it trains');
const isBenchActivation = (name: string): name is BenchActivation => (BENCH_ACTIVATIONS as readonly string[]).includes(name);
export const LAB_RUNS: readonly NetworkWorkload[] = activeRuns(LAB).map(({ activation }) => {
  if (!isBenchActivation(activation)) throw new Error(`the hand-written reference has no ${activation}`);
  return {
    id: `lab ${activation}`,
    hiddenLayers: LAB.depth,
    width: LAB.width,
    activation,
    initializer: LAB.init,
    points: LAB.points,
    steps: 100,
    learningRate: LAB.lr,
    seed: LAB.seed,
    data: { name: LAB.data, noise: LAB.noise },
  };
});

/** What every engine starts from: the same points and the same initial weights. */
export interface WorkloadStart {
  readonly dataset: Dataset;
  /** [input, width, …, width, 1] */
  readonly sizes: readonly number[];
  /** Row-major [fanIn, fanOut] per layer. */
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];
}

export function workloadStart(workload: NetworkWorkload): WorkloadStart {
  const mlp: Mlp = createMlp({
    hiddenLayers: workload.hiddenLayers,
    width: workload.width,
    activation: workload.activation,
    initializer: workload.initializer,
    seed: workload.seed,
  });
  return {
    dataset: makeDataset(workload.data?.name ?? 'twoSpirals', {
      count: workload.points,
      noise: workload.data?.noise ?? 0,
      seed: workload.seed,
    }),
    sizes: [mlp.layers[0].weights.shape[0], ...mlp.layers.map((l) => l.weights.shape[1])],
    weights: mlp.layers.map((l) => Float64Array.from(l.weights.data)),
    biases: mlp.layers.map((l) => Float64Array.from(l.bias.data)),
  };
}

/**
 * Nominal floating-point operations of one training step, counting the matrix products only
 * (2·rows·fanIn·fanOut each): the forward product, and in backward ∂W and ∂(previous layer).
 * Elementwise work (bias, activation, loss, update) is left out, as is usual for GFLOP/s figures.
 */
export function flopsPerStep(start: WorkloadStart): number {
  const rows = start.dataset.count;
  let flops = 0;
  for (let l = 0; l + 1 < start.sizes.length; l++) {
    const product = 2 * rows * start.sizes[l] * start.sizes[l + 1];
    flops += l === 0 ? 2 * product : 3 * product; // no gradient is needed for the data itself
  }
  return flops;
}

/** W3: the seed deck's worked example, x = 2, t = 10, a = 2, b = 1 → ∂Φ/∂a = 8, ∂Φ/∂b = 36, then one update with α. */
export const WORKED_EXAMPLE = { x: 2, t: 10, a: 2, b: 1, learningRate: 0.01, expectedGradA: 8, expectedGradB: 36 } as const;

/**
 * One W3 step of an engine, as its users write it: with the parameters a and b kept between steps,
 * set them to the example's values (so every step computes the slide's numbers and can be checked),
 * zero the gradients, build the graph of Φ = (b(ax + 5) + 3 − t)², run forward and backward, and
 * update a ← a − α∂Φ/∂a, b ← b − α∂Φ/∂b. Returns the runner's own array [∂Φ/∂a, ∂Φ/∂b, a, b after].
 */
export type WorkedExampleStep = () => Float64Array;

/** One training engine under test: all start from `WorkloadStart` and do plain gradient descent. */
export interface TrainingRunner {
  /** Back to the initial weights. */
  reset(): void;
  /** One full-batch step; returns the loss before the update. */
  step(): number;
  /** Per-layer ‖∂L/∂W‖ (Frobenius) at the current weights, without updating. */
  gradientNorms(): number[];
}
