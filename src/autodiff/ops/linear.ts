import { zeroFill } from '../buffers.ts';
import { addProduct, addProductWithTransposedLeft, addProductWithTransposedRight } from '../kernels.ts';
import { opResult, type Shape, type Tensor } from '../tensor.ts';

/* Matrix products over row-major Float64Array matrices (loops in kernels.ts): matmul, and the dense layer. */

/**
 * [rows, cols] shapes already made (read-only, so they can be shared): a layer rebuilt every
 * step then makes no new array for its shape. Few sizes occur (batch × width); the bound only
 * guards against a caller that makes endless new ones.
 */
const matrixShapes = new Map<number, Shape>();
const MAX_CACHED_SHAPES = 1024;

function matrixShape(rows: number, cols: number): Shape {
  const key = rows * 0x100000 + cols;
  let shape = matrixShapes.get(key);
  if (shape === undefined) {
    if (matrixShapes.size >= MAX_CACHED_SHAPES) matrixShapes.clear();
    shape = [rows | 0, cols | 0];
    matrixShapes.set(key, shape);
  }
  return shape;
}

/** [m, k] × [k, n] → [m, n]. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    throw new RangeError(`matmul: cannot multiply [${a.shape.join(', ')}] by [${b.shape.join(', ')}]`);
  }
  const m = a.shape[0];
  const n = b.shape[1];
  const out = opResult('matmul', matrixShape(m, n), m * n, matmulBackward, a, b);
  addProduct(a.data, b.data, zeroFill(out.data), m, a.shape[1], n); // the kernel adds onto its output
  return out;
}

function matmulBackward(out: Tensor): void {
  const a = out.inputs[0];
  const b = out.inputs[1];
  const m = a.shape[0];
  const k = a.shape[1];
  const n = b.shape[1];
  // The data a first layer reads needs no gradient: skipping it saves a third of that layer's work.
  if (a.requiresGrad) addProductWithTransposedRight(out.grad, b.data, a.grad, m, n, k); // ∂L/∂A += G·Bᵀ
  if (b.requiresGrad) addProductWithTransposedLeft(a.data, out.grad, b.grad, m, k, n); //  ∂L/∂B += Aᵀ·G
}

/**
 * A dense layer, x·W + b: [rows, fanIn] × [fanIn, fanOut] plus the bias row [fanOut] on every row
 * (one sample per row). One op rather than matmul then a bias add: the product is added onto the
 * bias rows in place, and backward reads the output gradient once for all three inputs, where two
 * ops would take another pass and another pair of arrays per layer.
 */
export function linear(x: Tensor, weights: Tensor, bias: Tensor): Tensor {
  if (x.shape.length !== 2 || weights.shape.length !== 2 || x.shape[1] !== weights.shape[0]) {
    throw new RangeError(`linear: cannot multiply [${x.shape.join(', ')}] by [${weights.shape.join(', ')}]`);
  }
  const rows = x.shape[0];
  const fanIn = x.shape[1];
  const fanOut = weights.shape[1];
  if (bias.shape.length !== 1 || bias.size !== fanOut) {
    throw new RangeError(`linear: a bias of shape [${bias.shape.join(', ')}] does not fit ${fanOut} outputs`);
  }
  const out = opResult('linear', matrixShape(rows, fanOut), rows * fanOut, linearBackward, x, weights, bias);
  const y = out.data;
  for (let row = 0; row < y.length; row += fanOut) y.set(bias.data, row);
  addProduct(x.data, weights.data, y, rows, fanIn, fanOut); // each output: b + Σ x·w
  return out;
}

function linearBackward(out: Tensor): void {
  const x = out.inputs[0];
  const weights = out.inputs[1];
  const bias = out.inputs[2];
  const rows = x.shape[0];
  const fanIn = x.shape[1];
  const fanOut = weights.shape[1];
  const g = out.grad;
  // The data a first layer reads needs no gradient: skipping it saves a third of that layer's work.
  if (x.requiresGrad) addProductWithTransposedRight(g, weights.data, x.grad, rows, fanOut, fanIn); // ∂L/∂x += G·Wᵀ
  if (weights.requiresGrad) addProductWithTransposedLeft(x.data, g, weights.grad, rows, fanIn, fanOut); // ∂L/∂W += xᵀ·G
  // The bias is shared by every row, so its gradient is the column sum.
  if (bias.requiresGrad) {
    for (let row = 0; row < g.length; row += fanOut) {
      for (let c = 0; c < fanOut; c++) bias.grad[c] += g[row + c];
    }
  }
}
