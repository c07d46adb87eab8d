import { tapeNodes, tapePosition, tapeStart, zeroFill } from './buffers.ts';
import { isMarked, markVisited, type Tensor } from './tensor.ts';

let visitGeneration = 0;

/*
 * The sort's working arrays, kept between calls and indexed by hand (never shrunk), so that
 * `backward` on a graph rebuilt every step allocates nothing once they are long enough.
 * `backward` does not nest (a backward step never calls it), so one set serves every call.
 */
const pending: Tensor[] = [];
const nextInput: number[] = [];
const sorted: Tensor[] = [];
/** The sort's roots: the one `backward` was called on, or the values made before a tape that it reached. */
const roots: Tensor[] = [];

/**
 * Writes every node the first `rootCount` of `roots` depend on (and the roots) into `sorted`, inputs
 * before the values made from them, and returns how many; leaves too when `withLeaves`, else only
 * nodes made by ops (a leaf has no backward step, and a rebuilt scalar graph is half leaves and
 * constants). Iterative depth-first post-order with an explicit stack, so a chain of 100,000 nodes
 * cannot overflow the call stack; nodes are marked with a fresh generation number instead of being
 * put in a Set (cheaper when small graphs are rebuilt a million times).
 */
function sortInto(rootCount: number, withLeaves: boolean): number {
  const mark = ++visitGeneration;
  let count = 0;
  for (let r = 0; r < rootCount; r++) {
    if (markVisited(roots[r], mark)) count = sortFrom(roots[r], mark, count, withLeaves);
    roots[r] = undefined as unknown as Tensor;
  }
  return count;
}

/** `sortInto` for one root already marked: appends to `sorted` from position `count`, returns the new count. */
function sortFrom(root: Tensor, mark: number, count: number, withLeaves: boolean): number {
  let top = 0;
  pending[0] = root;
  nextInput[0] = 0;
  while (top >= 0) {
    const node = pending[top];
    const index = nextInput[top];
    if (index < node.inputs.length) {
      nextInput[top] = index + 1;
      const input = node.inputs[index];
      if (!markVisited(input, mark)) continue;
      if (input.inputs.length > 0) {
        top++;
        pending[top] = input;
        nextInput[top] = 0;
      } else if (withLeaves) {
        sorted[count++] = input; // nothing to visit first
      }
    } else {
      top--;
      sorted[count++] = node;
    }
  }
  return count;
}

/**
 * Puts the first `count` sorted nodes in the order they were made (by serial number): still inputs
 * first, and the order of a pool's tape, so a graph's gradients are summed in the same order, to the
 * last bit, whether it was built in a pool or not. The depth-first order mostly is that order already
 * (an expression's operands are made left to right, before the op), and then nothing is moved.
 */
function orderByMaking(count: number): void {
  for (let i = 1; i < count; i++) {
    if (sorted[i - 1].serial > sorted[i].serial) {
      const made = sorted.slice(0, count).sort((a, b) => a.serial - b.serial);
      for (let k = 0; k < count; k++) sorted[k] = made[k];
      return;
    }
  }
}

/** Lets the last graph go: the working arrays must not keep its nodes alive. */
function release(count: number): void {
  for (let i = 0; i < count; i++) {
    sorted[i] = pending[i] = undefined as unknown as Tensor;
  }
}

/** Every node `root` depends on, inputs before the values made from them (a new array). */
export function topologicalOrder(root: Tensor): Tensor[] {
  roots[0] = root;
  const count = sortInto(1, true);
  const order = sorted.slice(0, count);
  release(count);
  return order;
}

/**
 * Backward over a pool's tape (buffers.ts): from the root at `position` back to the first node made,
 * each step run when the node is one the root depends on, that is, once a node run before it has
 * marked it as an input. The steps run in the same order as after sorting, without the sort.
 * Values made before the tape began that the graph reached (with steps of their own) are put in
 * `roots`, and their number returned: their gradients are complete once the tape has been walked.
 */
function backwardOnTape(position: number): number {
  const tape = tapeNodes();
  const mark = ++visitGeneration;
  const start = tapeStart();
  let offTape = 0;
  markVisited(tape[position], mark);
  for (let i = position; i >= 0; i--) {
    const node = tape[i];
    if (node.backwardStep === null || !isMarked(node, mark)) continue;
    node.backwardStep(node);
    const inputs = node.inputs;
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k];
      if (markVisited(input, mark) && input.backwardStep !== null && input.serial < start) roots[offTape++] = input;
    }
  }
  return offTape;
}

/** Runs the backward steps of everything the first `rootCount` of `roots` depend on, from the last made to the first. */
function backwardSorted(rootCount: number): void {
  const count = sortInto(rootCount, false);
  orderByMaking(count);
  for (let i = count - 1; i >= 0; i--) {
    const step = sorted[i].backwardStep;
    if (step !== null) step(sorted[i]);
  }
  release(count);
}

/**
 * Fills `.grad` of every node with ∂root/∂node. The root's gradient is seeded with ones
 * (for a scalar loss: ∂L/∂L = 1). Gradients accumulate (+=), which is what makes a value
 * used twice get both contributions (x·x → 2x); call `zeroGrad` on parameters between steps.
 * Intermediate values are fresh each forward pass, so their gradients start at zero.
 * The steps run from the last node made to the first, among the nodes `root` depends on.
 */
export function backward(root: Tensor): void {
  if (!root.requiresGrad) {
    throw new RangeError('backward: this value has no gradient (it was computed under noGrad, or from data alone)');
  }
  const seed = root.grad;
  for (let i = 0; i < seed.length; i++) seed[i] = 1;
  const position = tapePosition(root);
  if (position >= 0) {
    const offTape = backwardOnTape(position);
    if (offTape > 0) backwardSorted(offTape);
  } else {
    roots[0] = root;
    backwardSorted(1);
  }
}

export function zeroGrad(tensors: Iterable<Tensor>): void {
  for (const t of tensors) zeroFill(t.grad);
}
