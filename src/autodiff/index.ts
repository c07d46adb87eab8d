export { backward, topologicalOrder, zeroGrad } from './backward.ts';
export { BufferPool, reusingBuffers } from './buffers.ts';
export { noGrad } from './grad-mode.ts';
export { elu, gelu, leakyRelu, relu, sigmoid, silu, softplus, tanh } from './ops/activations.ts';
export { add, div, exp, log, mul, neg, pow, sub } from './ops/arithmetic.ts';
export { linear, matmul } from './ops/linear.ts';
export { bceWithLogits, mse } from './ops/losses.ts';
export { mean, sum } from './ops/reduce.ts';
export { stableSigmoid } from './stable.ts';
// Only the type: tensors come from tensor, scalar, zeros and the ops, never from the constructor.
export type { Tensor } from './tensor.ts';
export { dataTensor, scalar, tensor, zeros } from './tensor.ts';
