import { backward, bceWithLogits, type Tensor, zeroGrad } from '../autodiff/index.ts';
import { type ForwardPass, forward, type Mlp } from './mlp.ts';
import type { Sgd } from './sgd.ts';

export interface Batch {
  /** [count, inputSize] */
  readonly inputs: Tensor;
  /** [count, 1], each 0 or 1 */
  readonly labels: Tensor;
}

export interface StepResult {
  /** Mean binary cross-entropy before the update. */
  readonly loss: number;
  /** The forward pass the gradients came from (its pre-activations give dead-unit shares). */
  readonly pass: ForwardPass;
}

/** One gradient step on mean BCE: zero grads, forward, backward, update. */
export function trainStep(mlp: Mlp, optimizer: Sgd, batch: Batch): StepResult {
  zeroGrad(optimizer.parameters);
  const pass = forward(mlp, batch.inputs);
  const loss = bceWithLogits(pass.logits, batch.labels);
  backward(loss);
  optimizer.step();
  return { loss: loss.item(), pass };
}
