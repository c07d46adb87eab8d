import { zeroFill } from './buffers.ts';
import { markVisited, type Tensor } from './tensor.ts';

let visitGeneration = 0;

/*
 * The sort's working arrays, kept between calls and indexed by hand (never shrunk), so that
 * `backward` on a graph rebuilt every step allocates nothing once they are long enough.
 * `backward` does not nest (a backward step never calls it), so one set serves every call.
 */
const pending: Tensor[] = [];
const nextInput: number[] = [];
const sorted: Tensor[] = [];

/**
 * Writes every node `root` depends on into `sorted`, inputs before the values made from them,
 * and returns how many; leaves too when `withLeaves`, else only nodes made by ops (a leaf has no
 * backward step, and a rebuilt scalar graph is half leaves and constants). Iterative depth-first
 * post-order with an explicit stack, so a chain of 100,000 nodes cannot overflow the call stack;
 * nodes are marked with a fresh generation number instead of being put in a Set (cheaper when
 * small graphs are rebuilt a million times).
 */
function sortInto(root: Tensor, withLeaves: boolean): number {
  const mark = ++visitGeneration;
  let count = 0;
  let top = 0;
  pending[0] = root;
  nextInput[0] = 0;
  markVisited(root, mark);
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

/** Lets the last graph go: the working arrays must not keep its nodes alive. */
function release(count: number): void {
  for (let i = 0; i < count; i++) {
    sorted[i] = pending[i] = undefined as unknown as Tensor;
  }
}

/** Every node `root` depends on, inputs before the values made from them (a new array). */
export function topologicalOrder(root: Tensor): Tensor[] {
  const count = sortInto(root, true);
  const order = sorted.slice(0, count);
  release(count);
  return order;
}

/**
 * Fills `.grad` of every node with ∂root/∂node. The root's gradient is seeded with ones
 * (for a scalar loss: ∂L/∂L = 1). Gradients accumulate (+=), which is what makes a value
 * used twice get both contributions (x·x → 2x); call `zeroGrad` on parameters between steps.
 * Intermediate values are fresh each forward pass, so their gradients start at zero.
 */
export function backward(root: Tensor): void {
  if (!root.requiresGrad) {
    throw new RangeError('backward: this value has no gradient (it was computed under noGrad, or from data alone)');
  }
  const count = sortInto(root, false);
  root.grad.fill(1);
  for (let i = count - 1; i >= 0; i--) {
    const step = sorted[i].backwardStep;
    if (step !== null) step(sorted[i]);
  }
  release(count);
}

export function zeroGrad(tensors: Iterable<Tensor>): void {
  for (const t of tensors) zeroFill(t.grad);
}
