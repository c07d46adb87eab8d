import { allocateScalar } from '../buffers.ts';
import { opResult, SCALAR_SHAPE, type Tensor } from '../tensor.ts';

/** Sum of all elements → scalar. */
export function sum(x: Tensor): Tensor {
  let total = 0;
  for (let i = 0; i < x.size; i++) total += x.data[i];
  return opResult('sum', SCALAR_SHAPE, allocateScalar(total), sumBackward, x);
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
  return opResult('mean', SCALAR_SHAPE, allocateScalar(total / x.size), meanBackward, x);
}

function meanBackward(out: Tensor): void {
  const x = out.inputs[0];
  const g = out.grad[0] / x.size;
  for (let i = 0; i < x.size; i++) x.grad[i] += g;
}
