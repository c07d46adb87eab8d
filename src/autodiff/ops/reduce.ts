import { scalarResult, type Tensor } from '../tensor.ts';

/** Sum of all elements → scalar. */
export function sum(x: Tensor): Tensor {
  let total = 0;
  for (let i = 0; i < x.size; i++) total += x.data[i];
  return scalarResult(total, 'sum', sumBackward, x);
}

function sumBackward(out: Tensor): void {
  const x = out.inputs[0];
  const g = out.grad[0];
  for (let i = 0; i < x.size; i++) x.grad[i] += g;
}

/** Mean of all elements → scalar. */
export function mean(x: Tensor): Tensor {
  let total = 0;
  for (let i = 0; i < x.size; i++) total += x.data[i];
  return scalarResult(total / x.size, 'mean', meanBackward, x);
}

function meanBackward(out: Tensor): void {
  const x = out.inputs[0];
  const g = out.grad[0] / x.size;
  for (let i = 0; i < x.size; i++) x.grad[i] += g;
}
