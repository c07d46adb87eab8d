import { keepNode, newArray, nextSerial, reusableNode, zeroFill } from './buffers.ts';
import { isRecording } from './grad-mode.ts';

/** [] for a scalar, [n] for a vector, [rows, cols] for a row-major matrix. */
export type Shape = readonly number[];

/**
 * Moves `out`'s gradient into its inputs' gradients: the op's local chain rule. A plain function
 * of the node (it reads `out.inputs`, `out.data` and `out.attribute`), not a closure: building a
 * node then allocates nothing for it, which is what keeps a rebuilt scalar graph cheap.
 */
export type BackwardStep = (out: Tensor) => void;

const NO_INPUTS: readonly Tensor[] = Object.freeze([]);
/** The gradient of a value nothing differentiates (data, or a result computed under `noGrad`). */
const NO_GRADIENT = new Float64Array(0);
/** The shape of a scalar: no dimensions, one value. */
export const SCALAR_SHAPE: Shape = Object.freeze([]);

/**
 * Gives `node` the visit mark `generation` of a topological sort; false if it already had it (see backward.ts).
 * Assigned in Tensor's static block, the only code that can reach the private field.
 */
export let markVisited: (node: Tensor, generation: number) => boolean;
/** Whether `node` has the visit mark `generation`. */
export let isMarked: (node: Tensor, generation: number) => boolean;

/**
 * A value in the graph: numbers, their gradient, and how they were made.
 * `op` and `inputs` are kept so the backprop demo can draw the engine's own graph.
 * A scalar is simply a tensor of size 1: the teaching graph and the training path are the same code.
 */
export class Tensor {
  readonly shape: Shape;
  readonly data: Float64Array;
  /**
   * ∂(root)/∂(this), filled by `backward`. Same length as `data` when `requiresGrad`;
   * empty otherwise (nothing is ever propagated into it).
   */
  readonly grad: Float64Array;
  /**
   * Whether `backward` computes this value's gradient: true for parameters and other leaves made by
   * `tensor`, `scalar` or `zeros` and for numbers lifted into the graph, false for `dataTensor` leaves;
   * an op's result needs one when one of its inputs does and the graph is being recorded.
   */
  readonly requiresGrad: boolean;
  /** 'input' for leaves, 'const' for numbers lifted into the graph, else the op name ('mul', 'relu', …). */
  readonly op: string;
  readonly inputs: readonly Tensor[];
  /** Null for leaves and for values that need no gradient. */
  readonly backwardStep: BackwardStep | null;
  /** A number of the op that is not a node: pow's exponent, leakyRelu's and elu's α; 0 for other ops. */
  readonly attribute: number;
  /** Optional name for drawing ('x', 'W1', …). */
  label: string;
  /**
   * The order in which nodes were made (a node a pool refills gets a new number): an input's is
   * smaller than that of every value made from it. `backward` runs the steps from the largest down.
   */
  readonly serial: number;
  /** The last topological sort that reached this node, so the sort needs no Set; private, set only through `markVisited`. */
  #visitMark = 0;

  constructor(
    data: Float64Array,
    shape: Shape,
    grad: Float64Array,
    op: string,
    inputs: readonly Tensor[],
    backwardStep: BackwardStep | null,
    attribute: number,
    label: string,
  ) {
    this.shape = shape;
    this.data = data;
    this.grad = grad;
    this.requiresGrad = grad !== NO_GRADIENT;
    this.op = op;
    this.inputs = inputs;
    this.backwardStep = backwardStep;
    this.attribute = attribute;
    this.label = label;
    this.serial = nextSerial();
  }

  static {
    markVisited = (node, generation) => {
      if (node.#visitMark === generation) return false;
      node.#visitMark = generation;
      return true;
    };
    isMarked = (node, generation) => node.#visitMark === generation;
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

/** The largest dimension: sizes stay small integers, which the JIT keeps as such. */
const MAX_DIMENSION = 2 ** 30;

/**
 * A leaf's shape, checked against the number of values (`length`; omitted: any) and copied as
 * small integers. The copy matters for speed, not only safety: a size that reached here as a
 * computed double (a count read from URL state, say) made every shape after it a double array,
 * and the matrix loops indexed with doubles at half their speed.
 */
function leafShape(shape: Shape, length?: number): Shape {
  let size = 1;
  for (const dimension of shape) {
    if (!Number.isInteger(dimension) || dimension < 0 || dimension > MAX_DIMENSION) {
      throw new RangeError(`shape [${shape.join(', ')}]: each dimension must be a whole number from 0 to ${MAX_DIMENSION}`);
    }
    size *= dimension;
  }
  if (length !== undefined && size !== length) throw new RangeError(`shape [${shape.join(', ')}] does not hold ${length} values`);
  return shape.map((dimension) => dimension | 0);
}

const sizeOf = (shape: Shape): number => shape.reduce((size, dimension) => size * dimension, 1);

/** A Tensor whose fields can be set again: only `madeAgain` uses it, to refill a node a pool kept. */
type Refillable = { -readonly [K in keyof Tensor]: Tensor[K] };

/**
 * The node's inputs, `[first]` to `[first, second, third]` (none for a leaf), in the array `held`
 * when it has that length (the node's own, when a pool's node is made again), else in a new one.
 */
function inputsOf(held: readonly Tensor[], first: Tensor | null, second: Tensor | null, third: Tensor | null): readonly Tensor[] {
  if (first === null) return NO_INPUTS;
  const arity = second === null ? 1 : third === null ? 2 : 3;
  const inputs = held.length === arity ? (held as Tensor[]) : new Array<Tensor>(arity);
  inputs[0] = first;
  if (second !== null) inputs[1] = second;
  if (third !== null) inputs[2] = third;
  return inputs;
}

/*
 * `madeAgain` is on the path of every op, and a rebuilt scalar graph is little else. Its common case
 * comes first and is the only one a rebuilt graph takes, so the JIT's code for each op holds little
 * else (measured on the worked example: with the general refill alone, each op's constants were made
 * through a call to it, and the step took 15 % longer).
 */

/**
 * A node with these fields and `size` values (the product of `shape`'s dimensions): `kept`, the one
 * this position of the current pool's last use made (`reusableNode`), refilled, with its arrays when
 * they have that length (so a rebuilt graph allocates nothing; see buffers.ts), or a new one when
 * there is none. Its values are the op's to write, each of them; its gradient, when `withGradient`,
 * is zero-filled. Without inputs (`first` null) it is a leaf or a value that needs no gradient.
 */
function madeAgain(
  kept: Tensor | undefined,
  op: string,
  shape: Shape,
  size: number,
  withGradient: boolean,
  backwardStep: BackwardStep | null,
  attribute: number,
  first: Tensor | null,
  second: Tensor | null,
  third: Tensor | null,
): Tensor {
  // The common case: the same op made this node last time, with the same shape array (an elementwise
  // op passes its input's), recorded or not as now (an op's result has its backward step exactly when
  // recorded, with a gradient; a constant always has a gradient). An op has a fixed number of inputs,
  // so the node's arrays and its inputs array fit as they are.
  if (kept !== undefined && kept.op === op && kept.backwardStep === backwardStep && kept.shape === shape) {
    const node = kept as Refillable;
    zeroFill(node.grad); // gradients are accumulated (+=): a kept one starts again from 0
    if (first !== null) {
      const inputs = node.inputs as Tensor[];
      inputs[0] = first;
      if (second !== null) inputs[1] = second;
      if (third !== null) inputs[2] = third;
    }
    node.attribute = attribute;
    node.label = '';
    node.serial = nextSerial();
    return kept;
  }
  if (kept === undefined) {
    const inputs = inputsOf(NO_INPUTS, first, second, third);
    return keepNode(
      new Tensor(newArray(size), shape, withGradient ? newArray(size) : NO_GRADIENT, op, inputs, backwardStep, attribute, ''),
    );
  }
  const node = kept as Refillable;
  // The same shape array and the same need of a gradient: the node's arrays fit as they are.
  if (node.shape === shape && node.requiresGrad === withGradient) {
    if (withGradient) zeroFill(node.grad);
  } else {
    refit(node, shape, size, withGradient);
  }
  node.inputs = inputsOf(node.inputs, first, second, third);
  node.op = op;
  node.backwardStep = backwardStep;
  node.attribute = attribute;
  node.label = '';
  node.serial = nextSerial();
  return kept;
}

/** Gives a kept node arrays for `size` values and, when `withGradient`, a zero gradient: its own when they have that length. */
function refit(node: Refillable, shape: Shape, size: number, withGradient: boolean): void {
  if (node.data.length !== size) node.data = newArray(size);
  const grad = node.grad;
  node.grad = !withGradient ? NO_GRADIENT : grad !== NO_GRADIENT && grad.length === size ? zeroFill(grad) : newArray(size);
  node.requiresGrad = withGradient;
  node.shape = shape;
}

/**
 * The one way ops create their output (of one, two or three inputs), of `size` values that the op
 * then writes into its `data`. When an input needs a gradient and the graph is being recorded, the
 * node keeps its inputs, its chain-rule step and a gradient array; otherwise (under `noGrad`, or on
 * data alone) it keeps none of them, so nothing holds the graph alive. Inside `reusingBuffers` the
 * node and its arrays are the pool's (buffers.ts). Ops with a number that is not a node (pow's
 * exponent) pass it with `withAttribute`; ops with one number as their result use `scalarResult`.
 */
export function opResult(
  op: string,
  shape: Shape,
  size: number,
  backwardStep: BackwardStep,
  first: Tensor,
  second: Tensor | null = null,
  third: Tensor | null = null,
  attribute = 0,
): Tensor {
  const recorded = isRecording() && (first.requiresGrad || second?.requiresGrad === true || third?.requiresGrad === true);
  if (recorded) return madeAgain(reusableNode(), op, shape, size, true, backwardStep, attribute, first, second, third);
  return madeAgain(reusableNode(), op, shape, size, false, null, attribute, null, null, null);
}

/** `opResult` for an op with a number `attribute` that is not a node: pow's exponent, leakyRelu's α. */
export function withAttribute(
  attribute: number,
  op: string,
  shape: Shape,
  size: number,
  backwardStep: BackwardStep,
  first: Tensor,
): Tensor {
  return opResult(op, shape, size, backwardStep, first, null, null, attribute);
}

/** `opResult` for an op whose result is the one number `value` (a loss, a sum). */
export function scalarResult(value: number, op: string, backwardStep: BackwardStep, first: Tensor, second: Tensor | null = null): Tensor {
  const out = opResult(op, SCALAR_SHAPE, 1, backwardStep, first, second);
  out.data[0] = value;
  return out;
}

/** A leaf (an input or a parameter) that gets a gradient. `values` is copied. */
export function tensor(values: ArrayLike<number>, shape: Shape = [values.length], label = ''): Tensor {
  const checked = leafShape(shape, values.length);
  return new Tensor(Float64Array.from(values), checked, new Float64Array(values.length), 'input', NO_INPUTS, null, 0, label);
}

/**
 * A leaf the graph reads but never differentiates, such as a batch's inputs and labels: it has no
 * gradient, and no op spends time computing one for it. `values` is copied.
 */
export function dataTensor(values: ArrayLike<number>, shape: Shape = [values.length], label = ''): Tensor {
  return new Tensor(Float64Array.from(values), leafShape(shape, values.length), NO_GRADIENT, 'input', NO_INPUTS, null, 0, label);
}

export function scalar(value: number, label = ''): Tensor {
  const data = new Float64Array(1);
  data[0] = value;
  return new Tensor(data, SCALAR_SHAPE, new Float64Array(1), 'input', NO_INPUTS, null, 0, label);
}

export function zeros(shape: Shape, label = ''): Tensor {
  const checked = leafShape(shape);
  const size = sizeOf(checked);
  return new Tensor(new Float64Array(size), checked, new Float64Array(size), 'input', NO_INPUTS, null, 0, label);
}

/** A plain number used as an operand becomes a 'const' leaf (its value is its data), so it can be drawn like any node. */
export type Operand = Tensor | number;

export function toTensor(operand: Operand): Tensor {
  return typeof operand === 'number' ? constant(operand) : operand;
}

function constant(value: number): Tensor {
  // Like any leaf it gets a gradient (the backprop demo shows ∂Φ/∂5 too), and comes from the pool.
  const node = madeAgain(reusableNode(), 'const', SCALAR_SHAPE, 1, true, null, 0, null, null, null);
  node.data[0] = value;
  return node;
}
