import { linear, type Tensor, zeros } from '../autodiff/index.ts';
import { ACTIVATIONS, type ActivationName } from './activations.ts';
import { INITIALIZERS, type InitializerName } from './initializers.ts';
import { createRandom } from './random.ts';

/** One dense layer: z = x·W + b, with W of shape [fanIn, fanOut] (one sample per row of x). */
export interface Layer {
  readonly weights: Tensor;
  readonly bias: Tensor;
}

/** Hidden layers all use `activation`; the last layer is linear and outputs one logit per sample. */
export interface Mlp {
  readonly layers: readonly Layer[];
  readonly activation: ActivationName;
}

export interface MlpOptions {
  /** Number of hidden layers, 1–100. */
  readonly hiddenLayers: number;
  /** Units per hidden layer, 1–256. */
  readonly width: number;
  readonly activation: ActivationName;
  readonly initializer: InitializerName;
  readonly seed: number;
  /** Defaults to 2 (points in the plane). */
  readonly inputSize?: number;
  /** Defaults to 1 (a logit for binary classification). */
  readonly outputSize?: number;
}

export const MAX_HIDDEN_LAYERS = 100;
export const MAX_WIDTH = 256;

function checkRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be an integer from 1 to ${max}, got ${value}`);
  }
}

/** Same options (seed included) → same weights, wherever it runs. */
export function createMlp(options: MlpOptions): Mlp {
  checkRange('hiddenLayers', options.hiddenLayers, MAX_HIDDEN_LAYERS);
  checkRange('width', options.width, MAX_WIDTH);
  const sizes = [options.inputSize ?? 2, ...Array.from({ length: options.hiddenLayers }, () => options.width), options.outputSize ?? 1];
  const random = createRandom(options.seed);
  const initializer = INITIALIZERS[options.initializer];
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const weights = zeros([fanIn, fanOut], `W${l + 1}`);
    for (let i = 0; i < weights.size; i++) weights.data[i] = initializer.sample(fanIn, fanOut, random);
    layers.push({ weights, bias: zeros([fanOut], `b${l + 1}`) });
  }
  return { layers, activation: options.activation };
}

/** Every trainable tensor, layer by layer (weights, then bias). */
export function mlpParameters(mlp: Mlp): Tensor[] {
  return mlp.layers.flatMap((layer) => [layer.weights, layer.bias]);
}

export interface ForwardPass {
  /** [batch, outputSize], before any sigmoid. */
  readonly logits: Tensor;
  /** One [batch, width] tensor per hidden layer: z before the activation (dead-unit counts need it). */
  readonly preActivations: readonly Tensor[];
}

/** `inputs` has one sample per row: [batch, inputSize]. */
export function forward(mlp: Mlp, inputs: Tensor): ForwardPass {
  const activate = ACTIVATIONS[mlp.activation].apply;
  const last = mlp.layers.length - 1;
  const preActivations = new Array<Tensor>(last);
  let hidden = inputs;
  for (let l = 0; l < last; l++) {
    const z = linear(hidden, mlp.layers[l].weights, mlp.layers[l].bias);
    preActivations[l] = z;
    hidden = activate(z);
  }
  const logits = linear(hidden, mlp.layers[last].weights, mlp.layers[last].bias);
  return { logits, preActivations };
}
