import { dataTensor, type Tensor } from '../autodiff/index.ts';
import { createRandom, type Random } from './random.ts';

export type DatasetName = 'twoSpirals' | 'circles' | 'xor' | 'gaussianBlobs';

/** Points in the plane, roughly within [−1, 1]² before noise, with labels 0 or 1. */
export interface Dataset {
  readonly count: number;
  /** Row-major [count, 2]: x of point i at 2i, y at 2i + 1. */
  readonly inputs: Float64Array;
  readonly labels: Float64Array;
}

export interface DatasetOptions {
  readonly count: number;
  /** Standard deviation of the Gaussian jitter added to each coordinate. */
  readonly noise: number;
  readonly seed: number;
}

type Point = readonly [x: number, y: number];
/** Clean point i of `count`; the class alternates (i even → 0, odd → 1) so any prefix is balanced. */
type PointGenerator = (i: number, count: number, random: Random) => Point;

const TURNS = 1.75;

const GENERATORS: Readonly<Record<DatasetName, PointGenerator>> = {
  // Two interleaved arms r = t, the second rotated by π: not separable by any few straight lines.
  twoSpirals: (i, count) => {
    const label = i % 2;
    const r = (Math.floor(i / 2) + 0.5) / Math.ceil(count / 2);
    const angle = TURNS * 2 * Math.PI * r + label * Math.PI;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  },
  // Class 1 inside radius 0.5, class 0 on a ring from 0.7 to 1.
  circles: (i, _count, random) => {
    const r = i % 2 === 1 ? random.uniform(0, 0.5) : random.uniform(0.7, 1);
    const angle = random.uniform(0, 2 * Math.PI);
    return [r * Math.cos(angle), r * Math.sin(angle)];
  },
  // Class 1 where the signs of x and y differ; a gap of 0.05 around the axes keeps classes apart.
  xor: (i, _count, random) => {
    const sx = random.next() < 0.5 ? -1 : 1;
    const sy = i % 2 === 1 ? -sx : sx;
    return [sx * random.uniform(0.05, 1), sy * random.uniform(0.05, 1)];
  },
  // Class 0 around (−0.5, −0.5), class 1 around (0.5, 0.5), standard deviation 0.2 each.
  gaussianBlobs: (i, _count, random) => {
    const center = i % 2 === 1 ? 0.5 : -0.5;
    return [random.normal(center, 0.2), random.normal(center, 0.2)];
  },
};

export const DATASET_NAMES: readonly DatasetName[] = Object.freeze(Object.keys(GENERATORS) as DatasetName[]);

/** Same name and options (seed included) → the same points, wherever it runs. */
export function makeDataset(name: DatasetName, options: DatasetOptions): Dataset {
  const { count, noise, seed } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const random = createRandom(seed);
  const inputs = new Float64Array(2 * count);
  const labels = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const [x, y] = GENERATORS[name](i, count, random);
    inputs[2 * i] = x + random.normal(0, noise);
    inputs[2 * i + 1] = y + random.normal(0, noise);
    labels[i] = i % 2;
  }
  // The count as the arrays know it: a small integer even when `count` came in as a computed
  // double (read from a URL), which would otherwise slow every loop sized by it.
  return { count: labels.length, inputs, labels };
}

/** The dataset as engine leaves: inputs [count, 2], labels [count, 1] (one per logit); data, so they get no gradient. */
export function datasetTensors(dataset: Dataset): { inputs: Tensor; labels: Tensor } {
  return {
    inputs: dataTensor(dataset.inputs, [dataset.count, 2], 'X'),
    labels: dataTensor(dataset.labels, [dataset.count, 1], 'y'),
  };
}
