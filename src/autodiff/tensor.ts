import { allocate, allocateScalar } from './buffers.ts';
import { isRecording } from './grad-mode.ts';

/** [] for a scalar, [n] for a vector, [rows, cols] for a row-major matrix. */
export type Shape = readonly number[];

/** Moves this node's output gradient into its inputs' gradients (the op's local chain rule). */
type BackwardStep = (out: Tensor) => void;

const NO_INPUTS: readonly Tensor[] = Object.freeze([]);
/** The shape of a scalar: no dimensions, one value. */
export const SCALAR_SHAPE: Shape = Object.freeze([]);

/**
 * Gives `node` the visit mark `generation` of a topological sort; false if it already had it (see backward.ts).
 * Assigned in Tensor's static block, the only code that can reach the private field.
 */
export let markVisited: (node: Tensor, generation: number) => boolean;

/**
 * A value in the graph: numbers, their gradient, and how they were made.
 * `op` and `inputs` are kept so the backprop demo can draw the engine's own graph.
 * A scalar is simply a tensor of size 1: the teaching graph and the training path are the same code.
 */
export class Tensor {
  readonly shape: Shape;
  readonly data: Float64Array;
  /** ∂(root)/∂(this), filled by `backward`. Same length as `data`. */
  readonly grad: Float64Array;
  /** 'input' for leaves, 'const' for numbers lifted into the graph, else the op name ('mul', 'relu', …). */
  readonly op: string;
  readonly inputs: readonly Tensor[];
  /** Null for leaves and for values computed under `noGrad`. */
  readonly backwardStep: BackwardStep | null;
  /** Optional name for drawing ('x', 'W1', …). */
  label: string;
  /** The last topological sort that reached this node, so the sort needs no Set; private, set only through `markVisited`. */
  #visitMark = 0;

  constructor(
    data: Float64Array,
    shape: Shape,
    op = 'input',
    inputs: readonly Tensor[] = NO_INPUTS,
    backwardStep: BackwardStep | null = null,
    label = '',
    grad: Float64Array = new Float64Array(data.length),
  ) {
    this.shape = shape;
    this.data = data;
    this.grad = grad;
    this.op = op;
    this.inputs = inputs;
    this.backwardStep = backwardStep;
    this.label = label;
  }

  static {
    markVisited = (node, generation) => {
      if (node.#visitMark === generation) return false;
      node.#visitMark = generation;
      return true;
    };
  }

  get size(): number {
    return this.data.length;
  }

  /** The single number of a size-1 tensor. */
  item(): number {
    if (this.data.length !== 1) throw new RangeError(`item() needs size 1, got ${this.data.length}`);
    return this.data[0];
  }
}

function sizeOf(shape: Shape): number {
  let size = 1;
  for (let i = 0; i < shape.length; i++) size *= shape[i];
  return size;
}

/**
 * The one way ops create their output: in recording mode it keeps the inputs and
 * the chain-rule step; under `noGrad` it keeps neither, so nothing holds the graph alive.
 * `data` and the gradient come from `allocate` (see buffers.ts), so a pool can reuse both.
 */
export function opResult(op: string, shape: Shape, data: Float64Array, inputs: readonly Tensor[], backwardStep: BackwardStep): Tensor {
  const grad = allocate(data.length);
  return isRecording()
    ? new Tensor(data, shape, op, inputs, backwardStep, '', grad)
    : new Tensor(data, shape, op, NO_INPUTS, null, '', grad);
}

/** A leaf (an input or a parameter). `values` is copied. */
export function tensor(values: ArrayLike<number>, shape: Shape = [values.length], label = ''): Tensor {
  if (sizeOf(shape) !== values.length) {
    throw new RangeError(`shape [${shape.join(', ')}] does not hold ${values.length} values`);
  }
  return new Tensor(Float64Array.from(values), shape, 'input', NO_INPUTS, null, label);
}

export function scalar(value: number, label = ''): Tensor {
  const data = new Float64Array(1);
  data[0] = value;
  return new Tensor(data, SCALAR_SHAPE, 'input', NO_INPUTS, null, label);
}

export function zeros(shape: Shape, label = ''): Tensor {
  return new Tensor(new Float64Array(sizeOf(shape)), shape, 'input', NO_INPUTS, null, label);
}

/** A plain number used as an operand becomes a 'const' leaf (its value is its data), so it can be drawn like any node. */
export type Operand = Tensor | number;

export function toTensor(operand: Operand): Tensor {
  if (operand instanceof Tensor) return operand;
  return new Tensor(allocateScalar(operand), SCALAR_SHAPE, 'const', NO_INPUTS, null, '', allocate(1));
}
