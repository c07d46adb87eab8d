import { allocate } from '../buffers.ts';
import { addProduct, addProductWithTransposedLeft, addProductWithTransposedRight } from '../kernels.ts';
import { opResult, type Tensor } from '../tensor.ts';

/* The two ops of a dense layer, over row-major Float64Array matrices (loops in kernels.ts). */

/** [m, k] × [k, n] → [m, n]. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    throw new RangeError(`matmul: cannot multiply [${a.shape.join(', ')}] by [${b.shape.join(', ')}]`);
  }
  const [m, k] = a.shape;
  const n = b.shape[1];
  const C = allocate(m * n);
  addProduct(a.data, b.data, C, m, k, n);
  return opResult('matmul', [m, n], C, [a, b], (out) => {
    addProductWithTransposedRight(out.grad, b.data, a.grad, m, n, k); // ∂L/∂A += G·Bᵀ
    addProductWithTransposedLeft(a.data, out.grad, b.grad, m, k, n); //  ∂L/∂B += Aᵀ·G
  });
}

/** [rows, cols] + [cols]: the bias row is added to every row (one sample per row). */
export function addBias(x: Tensor, bias: Tensor): Tensor {
  const cols = bias.size;
  if (x.shape.length !== 2 || x.shape[1] !== cols) {
    throw new RangeError(`addBias: bias of size ${cols} does not fit [${x.shape.join(', ')}]`);
  }
  const rows = x.shape[0];
  const y = allocate(x.size);
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let c = 0; c < cols; c++) y[row + c] = x.data[row + c] + bias.data[c];
  }
  return opResult('addBias', x.shape, y, [x, bias], (out) => {
    // The bias is shared by every row, so its gradient is the column sum.
    for (let r = 0; r < rows; r++) {
      const row = r * cols;
      for (let c = 0; c < cols; c++) {
        const g = out.grad[row + c];
        x.grad[row + c] += g;
        bias.grad[c] += g;
      }
    }
  });
}
