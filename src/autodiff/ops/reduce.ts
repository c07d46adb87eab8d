import { allocateScalar } from '../buffers.ts';
import { opResult, SCALAR_SHAPE, type Tensor } from '../tensor.ts';

/** Sum of all elements → scalar. */
export function sum(x: Tensor): Tensor {
  const n = x.size;
  let total = 0;
  for (let i = 0; i < n; i++) total += x.data[i];
  return opResult('sum', SCALAR_SHAPE, allocateScalar(total), [x], (out) => {
    const g = out.grad[0];
    for (let i = 0; i < n; i++) x.grad[i] += g;
  });
}

/** Mean of all elements → scalar. */
export function mean(x: Tensor): Tensor {
  const n = x.size;
  let total = 0;
  for (let i = 0; i < n; i++) total += x.data[i];
  return opResult('mean', SCALAR_SHAPE, allocateScalar(total / n), [x], (out) => {
    const g = out.grad[0] / n;
    for (let i = 0; i < n; i++) x.grad[i] += g;
  });
}
