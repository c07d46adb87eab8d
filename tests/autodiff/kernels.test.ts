import { describe, expect, it } from 'vitest';
import { addProduct, addProductWithTransposedLeft, addProductWithTransposedRight } from '../../src/autodiff/kernels.ts';
import { createRandom } from '../../src/nn/random.ts';

/*
 * The blocked kernels against the plain triple loop, for every m from 1 to 9 (none, one and two
 * blocks of four rows, each with every remainder) and every k, n from 1 to 7. Entries are small
 * integers, so every sum is exact in float64 whatever its order, and the results must be equal.
 * C starts non-zero: the kernels add into it.
 */
const random = createRandom(20261201);
const integers = (count: number): Float64Array => Float64Array.from({ length: count }, () => Math.floor(random.next() * 11) - 5);

/** C[rows×cols] += Σ_p left(i, p) · right(p, j), written as plainly as possible. */
function naive(
  rows: number,
  inner: number,
  cols: number,
  left: (i: number, p: number) => number,
  right: (p: number, j: number) => number,
  C: Float64Array,
): Float64Array {
  const out = Float64Array.from(C);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let p = 0; p < inner; p++) sum += left(i, p) * right(p, j);
      out[i * cols + j] += sum;
    }
  }
  return out;
}

it('draws integer entries from -5 to 5, some of them non-zero', () => {
  const sample = Array.from(integers(200));
  expect(sample.every((x) => Number.isInteger(x) && x >= -5 && x <= 5)).toBe(true);
  expect(new Set(sample).size).toBe(11);
});

const SIZES = Array.from({ length: 9 }, (_, m) => m + 1).flatMap((m) =>
  Array.from({ length: 7 }, (_, k) => k + 1).flatMap((k) => Array.from({ length: 7 }, (_, n) => ({ m, k, n: n + 1 }))),
);

describe('matmul kernels, blocked four rows at a time, against the triple loop', () => {
  it(`addProduct: C[m×n] += A[m×k]·B[k×n] for all ${SIZES.length} sizes`, () => {
    for (const { m, k, n } of SIZES) {
      const [A, B, C] = [integers(m * k), integers(k * n), integers(m * n)];
      const expected = naive(
        m,
        k,
        n,
        (i, p) => A[i * k + p]!,
        (p, j) => B[p * n + j]!,
        C,
      );
      addProduct(A, B, C, m, k, n);
      expect(Array.from(C), `m=${m} k=${k} n=${n}`).toEqual(Array.from(expected));
    }
  });

  it(`addProductWithTransposedRight: C[m×k] += G[m×n]·B[k×n]ᵀ for all ${SIZES.length} sizes`, () => {
    for (const { m, k, n } of SIZES) {
      const [G, B, C] = [integers(m * n), integers(k * n), integers(m * k)];
      const expected = naive(
        m,
        n,
        k,
        (i, j) => G[i * n + j]!,
        (j, p) => B[p * n + j]!,
        C,
      );
      addProductWithTransposedRight(G, B, C, m, n, k);
      expect(Array.from(C), `m=${m} k=${k} n=${n}`).toEqual(Array.from(expected));
    }
  });

  it(`addProductWithTransposedLeft: C[k×n] += A[m×k]ᵀ·G[m×n] for all ${SIZES.length} sizes`, () => {
    for (const { m, k, n } of SIZES) {
      const [A, G, C] = [integers(m * k), integers(m * n), integers(k * n)];
      const expected = naive(
        k,
        m,
        n,
        (p, i) => A[i * k + p]!,
        (i, j) => G[i * n + j]!,
        C,
      );
      addProductWithTransposedLeft(A, G, C, m, k, n);
      expect(Array.from(C), `m=${m} k=${k} n=${n}`).toEqual(Array.from(expected));
    }
  });
});
