import { allocate } from '../buffers.ts';
import { type Operand, opResult, type Shape, type Tensor, toTensor } from '../tensor.ts';

/*
 * Elementwise arithmetic. Operands have the same shape, or one of them has size 1
 * (a scalar, broadcast to every element). Plain numbers become 'const' nodes.
 * A size-1 operand is read with stride 0, so the same loop covers both cases and the
 * backward step's `+=` sums a broadcast scalar's gradient over all elements.
 */

const sameShape = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((dim, i) => dim === b[i]);

function broadcastShape(a: Tensor, b: Tensor, op: string): Shape {
  // Equal shapes, not just equal sizes: [2, 3] + [3, 2] pairs elements that are not each other's.
  if (sameShape(a.shape, b.shape)) return a.shape;
  if (b.size === 1) return a.shape;
  if (a.size === 1) return b.shape;
  throw new RangeError(`${op}: shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}] do not match`);
}

export function add(left: Operand, right: Operand): Tensor {
  const a = toTensor(left);
  const b = toTensor(right);
  const shape = broadcastShape(a, b, 'add');
  const n = Math.max(a.size, b.size);
  const sa = a.size === 1 ? 0 : 1;
  const sb = b.size === 1 ? 0 : 1;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = a.data[i * sa] + b.data[i * sb];
  return opResult('add', shape, y, [a, b], (out) => {
    for (let i = 0; i < n; i++) {
      a.grad[i * sa] += out.grad[i];
      b.grad[i * sb] += out.grad[i];
    }
  });
}

export function sub(left: Operand, right: Operand): Tensor {
  const a = toTensor(left);
  const b = toTensor(right);
  const shape = broadcastShape(a, b, 'sub');
  const n = Math.max(a.size, b.size);
  const sa = a.size === 1 ? 0 : 1;
  const sb = b.size === 1 ? 0 : 1;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = a.data[i * sa] - b.data[i * sb];
  return opResult('sub', shape, y, [a, b], (out) => {
    for (let i = 0; i < n; i++) {
      a.grad[i * sa] += out.grad[i];
      b.grad[i * sb] -= out.grad[i];
    }
  });
}

export function mul(left: Operand, right: Operand): Tensor {
  const a = toTensor(left);
  const b = toTensor(right);
  const shape = broadcastShape(a, b, 'mul');
  const n = Math.max(a.size, b.size);
  const sa = a.size === 1 ? 0 : 1;
  const sb = b.size === 1 ? 0 : 1;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = a.data[i * sa] * b.data[i * sb];
  return opResult('mul', shape, y, [a, b], (out) => {
    // ∂(ab)/∂a = b, ∂(ab)/∂b = a. For mul(x, x) both lines add into x.grad: 2x.
    for (let i = 0; i < n; i++) {
      a.grad[i * sa] += b.data[i * sb] * out.grad[i];
      b.grad[i * sb] += a.data[i * sa] * out.grad[i];
    }
  });
}

export function div(left: Operand, right: Operand): Tensor {
  const a = toTensor(left);
  const b = toTensor(right);
  const shape = broadcastShape(a, b, 'div');
  const n = Math.max(a.size, b.size);
  const sa = a.size === 1 ? 0 : 1;
  const sb = b.size === 1 ? 0 : 1;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = a.data[i * sa] / b.data[i * sb];
  return opResult('div', shape, y, [a, b], (out) => {
    // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b² = −(a/b)/b.
    for (let i = 0; i < n; i++) {
      const bi = b.data[i * sb];
      a.grad[i * sa] += out.grad[i] / bi;
      b.grad[i * sb] -= (y[i] / bi) * out.grad[i];
    }
  });
}

export function neg(x: Tensor): Tensor {
  const n = x.size;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = -x.data[i];
  return opResult('neg', x.shape, y, [x], (out) => {
    for (let i = 0; i < n; i++) x.grad[i] -= out.grad[i];
  });
}

/** xᵖ for a constant exponent p (the exponent is not a node, so it gets no gradient). */
export function pow(x: Tensor, exponent: number): Tensor {
  const n = x.size;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = x.data[i] ** exponent;
  return opResult('pow', x.shape, y, [x], (out) => {
    for (let i = 0; i < n; i++) x.grad[i] += exponent * x.data[i] ** (exponent - 1) * out.grad[i];
  });
}

export function exp(x: Tensor): Tensor {
  const n = x.size;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = Math.exp(x.data[i]);
  return opResult('exp', x.shape, y, [x], (out) => {
    for (let i = 0; i < n; i++) x.grad[i] += y[i] * out.grad[i]; // (eˣ)′ = eˣ
  });
}

/** Natural logarithm; log(0) = −∞ and log of a negative number is NaN, as in Math.log. */
export function log(x: Tensor): Tensor {
  const n = x.size;
  const y = allocate(n);
  for (let i = 0; i < n; i++) y[i] = Math.log(x.data[i]);
  return opResult('log', x.shape, y, [x], (out) => {
    for (let i = 0; i < n; i++) x.grad[i] += out.grad[i] / x.data[i];
  });
}
