import {
  BufferPool,
  backward,
  bceWithLogits,
  dataTensor,
  noGrad,
  reusingBuffers,
  stableSigmoid,
  type Tensor,
  zeroGrad,
} from '../../autodiff/index.ts';
import type { ActivationName } from '../../nn/activations.ts';
import { type Dataset, type DatasetName, datasetTensors, makeDataset } from '../../nn/datasets.ts';
import { deadUnitShares, layerGradientNorms, layerUpdateNorms } from '../../nn/diagnostics.ts';
import type { InitializerName } from '../../nn/initializers.ts';
import { createMlp, type ForwardPass, forward, type Mlp, mlpParameters } from '../../nn/mlp.ts';
import { Sgd } from '../../nn/sgd.ts';
import { trainStep } from '../../nn/training.ts';
import { type BatchSchedule, batchSchedule } from './batches.ts';
import { createDiagnosisTracker, type Diagnosis, SAMPLE_EVERY } from './diagnosis.ts';

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
  /** ‖∂L/∂W‖ per layer at the initial weights on all the data (the "before" profile; same every report). */
  readonly initialGradNorms: Float64Array;
  /** The run's reading over its recent steps (diagnosis.ts). */
  readonly diagnosis: Diagnosis;
  /** Stopped: the loss overflowed or grew DIVERGENCE_FACTOR × past its start. Loss, accuracy and gradNorms are then the last finite ones. */
  readonly diverged: boolean;
}

export interface Trainer {
  readonly config: RunConfig;
  readonly dataset: Dataset;
  /** The network being trained (read it, do not change it: the stability tests measure its curvature). */
  readonly mlp: Mlp;
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
  return { inputs: dataTensor(inputs, [indices.length, 2]), labels: dataTensor(labels, [indices.length, 1]) };
}

/**
 * A run has diverged when its loss overflows or grows this many times past where it started (or
 * past ln 2, the loss of a network that always says 50 %, if it started lower). An ordinary
 * catapult spike stays well below it; a run at loss 57 from 0.69 is not coming back.
 */
export const DIVERGENCE_FACTOR = 20;

/** Gradients at the initial weights on all the data, before any update: the profile the slides talk about. */
function initialGradients(mlp: Mlp, all: { inputs: Tensor; labels: Tensor }): { loss: number; gradNorms: Float64Array } {
  const parameters = mlpParameters(mlp);
  zeroGrad(parameters);
  const loss = bceWithLogits(forward(mlp, all.inputs).logits, all.labels);
  backward(loss);
  const gradNorms = Float64Array.from(layerGradientNorms(mlp));
  zeroGrad(parameters);
  return { loss: loss.item(), gradNorms };
}

export function createTrainer(config: RunConfig): Trainer {
  const dataset = makeDataset(config.data, { count: config.points, noise: config.noise, seed: config.seed });
  // Same seed → same initial weights for every activation: the runs differ only in A.
  const mlp: Mlp = createMlp({
    hiddenLayers: config.depth,
    width: config.width,
    activation: config.activation,
    initializer: config.init,
    seed: config.seed,
  });
  const sgd = new Sgd(mlpParameters(mlp), { learningRate: config.lr });
  const all = datasetTensors(dataset);
  const schedule: BatchSchedule = batchSchedule(dataset.count, config.batch, config.seed);
  const initial = initialGradients(mlp, all);
  const divergenceLoss = DIVERGENCE_FACTOR * Math.max(initial.loss, Math.LN2);
  const tracker = createDiagnosisTracker(initial.gradNorms, config.activation === 'relu');
  let steps = 0;
  let loss = Number.NaN;
  let lastPass: ForwardPass | null = null;
  let diverged = false;
  /** What a diverged run keeps showing: the numbers of its last finite step. */
  let lastFinite: { step: number; loss: number; accuracy: number; gradNorms: Float64Array } | null = null;
  // Each kind of pass builds the same graph every time, so each reuses its own arrays (buffers.ts).
  // `lastPass` lives in `stepBuffers`: it is read by metrics() before the next step overwrites it.
  const stepBuffers = new BufferPool();
  const evaluationBuffers = new BufferPool();
  const boundaryBuffers = new BufferPool();

  const accuracy = (): number => {
    if (schedule.full && lastPass) return accuracyOf(lastPass.logits.data, dataset.labels);
    return reusingBuffers(evaluationBuffers, () => noGrad(() => accuracyOf(forward(mlp, all.inputs).logits.data, dataset.labels)));
  };
  const deadShares = (layers: number) => (lastPass ? Float64Array.from(deadUnitShares(lastPass)) : new Float64Array(layers - 1));

  const stop = (gradNorms: number[]) => {
    diverged = true;
    // Stopped by growth alone, the step's own numbers are still finite and are what is shown.
    if (Number.isFinite(loss) && gradNorms.every(Number.isFinite)) {
      lastFinite = { step: steps, loss, accuracy: accuracy(), gradNorms: Float64Array.from(gradNorms) };
    }
    tracker.diverged(steps);
  };

  return {
    config,
    dataset,
    mlp,
    get diverged() {
      return diverged;
    },
    get steps() {
      return steps;
    },
    step() {
      if (diverged) return loss;
      const indices = schedule.next();
      const batch = schedule.full ? all : batchTensors(dataset, indices);
      const result = reusingBuffers(stepBuffers, () => trainStep(mlp, sgd, batch));
      steps++;
      loss = result.loss;
      lastPass = result.pass;
      const gradNorms = layerGradientNorms(mlp);
      // A NaN or infinite loss, a gradient that overflowed, or a loss far past its start: stop here.
      if (!(loss <= divergenceLoss) || !gradNorms.every(Number.isFinite)) {
        stop(gradNorms);
      } else if (steps % SAMPLE_EVERY === 0) {
        const sample = { step: steps, loss, accuracy: accuracy(), gradNorms: Float64Array.from(gradNorms) };
        lastFinite = sample;
        tracker.add({ ...sample, deadShares: deadShares(mlp.layers.length) });
      }
      return loss;
    },
    metrics() {
      const layers = mlp.layers.length;
      const shown = diverged ? lastFinite : null;
      return {
        step: steps,
        loss: shown ? shown.loss : loss,
        accuracy: shown ? shown.accuracy : steps === 0 ? Number.NaN : accuracy(),
        gradNorms: shown ? shown.gradNorms.slice() : steps === 0 ? initial.gradNorms.slice() : Float64Array.from(layerGradientNorms(mlp)),
        initialGradNorms: initial.gradNorms.slice(),
        updateNorms: diverged ? new Float64Array(layers) : Float64Array.from(layerUpdateNorms(mlp, sgd)),
        deadShares: diverged ? new Float64Array(layers - 1) : deadShares(layers),
        diagnosis: tracker.current,
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
        const logits = noGrad(() => forward(mlp, dataTensor(grid, [size * size, 2])).logits.data);
        // The engine's σ: a huge |z| gives 0 or 1 instead of NaN.
        return Float32Array.from(logits, stableSigmoid);
      });
    },
  };
}
