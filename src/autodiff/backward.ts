import { markVisited, type Tensor } from './tensor.ts';

let visitGeneration = 0;

/**
 * Every node `root` depends on, inputs before the values made from them.
 * Iterative depth-first post-order with an explicit stack, so a chain of 100,000 nodes
 * cannot overflow the call stack; nodes are marked with a fresh generation number
 * instead of being put in a Set (cheaper when small graphs are rebuilt a million times).
 */
export function topologicalOrder(root: Tensor): Tensor[] {
  const mark = ++visitGeneration;
  const order: Tensor[] = [];
  const pending: Tensor[] = [root];
  const nextInput: number[] = [0];
  markVisited(root, mark);
  while (pending.length > 0) {
    const top = pending.length - 1;
    const node = pending[top];
    const index = nextInput[top];
    if (index < node.inputs.length) {
      nextInput[top] = index + 1;
      const input = node.inputs[index];
      if (markVisited(input, mark)) {
        pending.push(input);
        nextInput.push(0);
      }
    } else {
      pending.pop();
      nextInput.pop();
      order.push(node);
    }
  }
  return order;
}

/**
 * Fills `.grad` of every node with ∂root/∂node. The root's gradient is seeded with ones
 * (for a scalar loss: ∂L/∂L = 1). Gradients accumulate (+=), which is what makes a value
 * used twice get both contributions (x·x → 2x); call `zeroGrad` on parameters between steps.
 * Intermediate values are fresh each forward pass, so their gradients start at zero.
 */
export function backward(root: Tensor): void {
  const order = topologicalOrder(root);
  for (let i = 0; i < root.grad.length; i++) root.grad[i] = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.backwardStep !== null) node.backwardStep(node);
  }
}

export function zeroGrad(tensors: Iterable<Tensor>): void {
  for (const t of tensors) t.grad.fill(0);
}
