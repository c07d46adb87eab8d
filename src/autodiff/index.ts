export { Tensor, tensor, scalar, zeros, sizeOf, SCALAR_SHAPE } from './tensor.ts';
export type { Shape, Operand, BackwardStep } from './tensor.ts';
export { noGrad, isRecording } from './grad-mode.ts';
export { backward, topologicalOrder, zeroGrad } from './backward.ts';
export { add, sub, mul, div, neg, pow, exp, log } from './ops/arithmetic.ts';
export { matmul, addBias } from './ops/linear.ts';
export { sum, mean } from './ops/reduce.ts';
export { sigmoid, tanh, relu, leakyRelu, elu, gelu, silu, softplus } from './ops/activations.ts';
export { mse, bceWithLogits } from './ops/losses.ts';
