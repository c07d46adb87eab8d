import { BufferPool, reusingBuffers } from '../../autodiff/buffers.ts';
import { noGrad } from '../../autodiff/grad-mode.ts';
import { tensor, type Tensor } from '../../autodiff/tensor.ts';
import type { ActivationName } from '../../nn/activations.ts';
import { datasetTensors, makeDataset, type Dataset, type DatasetName } from '../../nn/datasets.ts';
import { deadUnitShares, layerGradientNorms, layerUpdateNorms } from '../../nn/diagnostics.ts';
import type { InitializerName } from '../../nn/initializers.ts';
import { createMlp, forward, mlpParameters, type ForwardPass, type Mlp } from '../../nn/mlp.ts';
import { Sgd } from '../../nn/sgd.ts';
import { trainStep } from '../../nn/training.ts';
import { batchSchedule, type BatchSchedule } from './batches.ts';

/**
 * One run of the lab: its data, network and optimizer, stepped on the engine. The Web Worker and the
 * Node tests both drive this same object, so a seed gives the same numbers in either place.
 */
export interface RunConfig {
  readonly data: DatasetName;
  readonly noise: number;
  readonly points: number;
  readonly depth: number;
  readonly width: number;
  readonly activation: ActivationName;
  readonly init: InitializerName;
  readonly lr: number;
  readonly batch: number;
  readonly seed: number;
}

/** What the panels show after a step. Layer l is the l-th weight matrix from the input side. */
export interface RunMetrics {
  readonly step: number;
  readonly loss: number;
  /** Share of all points classified right (0–1), before the last update. */
  readonly accuracy: number;
  readonly gradNorms: Float64Array;
  readonly updateNorms: Float64Array;
  /** One per hidden layer: share of units with z ≤ 0 on every sample of the last batch. */
  readonly deadShares: Float64Array;
  readonly diverged: boolean;
}

export interface Trainer {
  readonly config: RunConfig;
  readonly dataset: Dataset;
  /** One SGD step; does nothing once the run has diverged. Returns the loss before the update. */
  step(): number;
  metrics(): RunMetrics;
  /** P(class 1) on a size × size grid over [−extent, extent]², row by row from the top (y = +extent). */
  boundary(size: number): Float32Array;
  readonly diverged: boolean;
  readonly steps: number;
}

/** Half the side of the square the decision boundary is drawn on (the data lie within about ±1.3). */
export const BOUNDARY_EXTENT = 1.5;

function accuracyOf(logits: Float64Array, labels: Float64Array): number {
  let right = 0;
  for (let i = 0; i < logits.length; i++) if ((logits[i] > 0 ? 1 : 0) === labels[i]) right++;
  return right / logits.length;
}

function batchTensors(dataset: Dataset, indices: Int32Array): { inputs: Tensor; labels: Tensor } {
  const inputs = new Float64Array(2 * indices.length);
  const labels = new Float64Array(indices.length);
  indices.forEach((index, row) => {
    inputs[2 * row] = dataset.inputs[2 * index];
    inputs[2 * row + 1] = dataset.inputs[2 * index + 1];
    labels[row] = dataset.labels[index];
  });
  return { inputs: tensor(inputs, [indices.length, 2]), labels: tensor(labels, [indices.length, 1]) };
}

export function createTrainer(config: RunConfig): Trainer {
  const dataset = makeDataset(config.data, { count: config.points, noise: config.noise, seed: config.seed });
  // Same seed → same initial weights for every activation: the runs differ only in A.
  const mlp: Mlp = createMlp({
    hiddenLayers: config.depth, width: config.width, activation: config.activation, initializer: config.init, seed: config.seed,
  });
  const sgd = new Sgd(mlpParameters(mlp), { learningRate: config.lr });
  const all = datasetTensors(dataset);
  const schedule: BatchSchedule = batchSchedule(dataset.count, config.batch, config.seed);
  let steps = 0;
  let loss = Number.NaN;
  let lastPass: ForwardPass | null = null;
  let diverged = false;
  // Each kind of pass builds the same graph every time, so each reuses its own arrays (buffers.ts).
  // `lastPass` lives in `stepBuffers`: it is read by metrics() before the next step overwrites it.
  const stepBuffers = new BufferPool();
  const evaluationBuffers = new BufferPool();
  const boundaryBuffers = new BufferPool();

  const accuracy = (): number => {
    if (schedule.full && lastPass) return accuracyOf(lastPass.logits.data, dataset.labels);
    return reusingBuffers(evaluationBuffers, () => noGrad(() => accuracyOf(forward(mlp, all.inputs).logits.data, dataset.labels)));
  };

  return {
    config,
    dataset,
    get diverged() { return diverged; },
    get steps() { return steps; },
    step() {
      if (diverged) return loss;
      const indices = schedule.next();
      const batch = schedule.full ? all : batchTensors(dataset, indices);
      const result = reusingBuffers(stepBuffers, () => trainStep(mlp, sgd, batch));
      steps++;
      loss = result.loss;
      lastPass = result.pass;
      // A NaN or infinite loss, or a gradient that overflowed, poisons every later step: stop here.
      if (!Number.isFinite(loss) || !layerGradientNorms(mlp).every(Number.isFinite)) diverged = true;
      return loss;
    },
    metrics() {
      const layers = mlp.layers.length;
      return {
        step: steps,
        loss,
        accuracy: steps === 0 ? Number.NaN : accuracy(),
        gradNorms: steps === 0 ? new Float64Array(layers) : Float64Array.from(layerGradientNorms(mlp)),
        updateNorms: Float64Array.from(layerUpdateNorms(mlp, sgd)),
        deadShares: lastPass ? Float64Array.from(deadUnitShares(lastPass)) : new Float64Array(layers - 1),
        diverged,
      };
    },
    boundary(size) {
      const grid = new Float64Array(2 * size * size);
      for (let row = 0; row < size; row++) {
        for (let col = 0; col < size; col++) {
          const i = row * size + col;
          grid[2 * i] = -BOUNDARY_EXTENT + (2 * BOUNDARY_EXTENT * (col + 0.5)) / size;
          grid[2 * i + 1] = BOUNDARY_EXTENT - (2 * BOUNDARY_EXTENT * (row + 0.5)) / size;
        }
      }
      return reusingBuffers(boundaryBuffers, () => {
        const logits = noGrad(() => forward(mlp, tensor(grid, [size * size, 2])).logits.data);
        // σ(z), written so that a huge |z| gives 0 or 1 instead of NaN.
        return Float32Array.from(logits, (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))));
      });
    },
  };
}
