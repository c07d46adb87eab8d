import { describe, expect, it } from 'vitest';
import { addProduct, addProductWithTransposedLeft, addProductWithTransposedRight } from '../../src/autodiff/kernels.ts';
import { createRandom } from '../../src/nn/random.ts';

/*
 * The tiled kernels against the plain triple loop, for every m, k, n from 1 to 9. The kernels
 * compute 2×4 tiles of their output, then 4×1 strips for the columns past the tiles, then single
 * entries, so these sizes give each output dimension none, one and two tiles (and strips) with
 * every remainder. Each kernel is called twice on the same C, which starts non-zero: both calls
 * must add into it. With small integer entries every sum is exact in float64 whatever its order,
 * which checks the product itself; with real entries the results must still be bit-identical,
 * which checks the documented order: each sum over the inner index from 0 upwards, then added to C.
 */
const random = createRandom(20261201);
const integers = (count: number): Float64Array => Float64Array.from({ length: count }, () => Math.floor(random.next() * 11) - 5);
const reals = (count: number): Float64Array => Float64Array.from({ length: count }, () => random.next() * 2 - 1);

/** C[rows×cols] + Σ_p left(i, p) · right(p, j), each sum from 0 in increasing p, written as plainly as possible. */
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

const DIMENSIONS = Array.from({ length: 9 }, (_, d) => d + 1);
const SIZES = DIMENSIONS.flatMap((m) => DIMENSIONS.flatMap((k) => DIMENSIONS.map((n) => ({ m, k, n }))));

/** One kernel call on fresh operands of size m, k, n: the output, the call, and what the triple loop makes of a given C. */
interface Setup {
  readonly C: Float64Array;
  readonly call: () => void;
  readonly expected: (C: Float64Array) => Float64Array;
}

const KERNELS: { readonly name: string; readonly setUp: (m: number, k: number, n: number, draw: typeof integers) => Setup }[] = [
  {
    name: 'addProduct: C[m×n] += A[m×k]·B[k×n]',
    setUp: (m, k, n, draw) => {
      const [A, B, C] = [draw(m * k), draw(k * n), draw(m * n)];
      return {
        C,
        call: () => addProduct(A, B, C, m, k, n),
        expected: (before) =>
          naive(
            m,
            k,
            n,
            (i, p) => A[i * k + p]!,
            (p, j) => B[p * n + j]!,
            before,
          ),
      };
    },
  },
  {
    name: 'addProductWithTransposedRight: C[m×k] += G[m×n]·B[k×n]ᵀ',
    setUp: (m, k, n, draw) => {
      const [G, B, C] = [draw(m * n), draw(k * n), draw(m * k)];
      return {
        C,
        call: () => addProductWithTransposedRight(G, B, C, m, n, k),
        expected: (before) =>
          naive(
            m,
            n,
            k,
            (i, j) => G[i * n + j]!,
            (j, p) => B[p * n + j]!,
            before,
          ),
      };
    },
  },
  {
    name: 'addProductWithTransposedLeft: C[k×n] += A[m×k]ᵀ·G[m×n]',
    setUp: (m, k, n, draw) => {
      const [A, G, C] = [draw(m * k), draw(m * n), draw(k * n)];
      return {
        C,
        call: () => addProductWithTransposedLeft(A, G, C, m, k, n),
        expected: (before) =>
          naive(
            k,
            m,
            n,
            (p, i) => A[i * k + p]!,
            (i, j) => G[i * n + j]!,
            before,
          ),
      };
    },
  },
];

describe('matmul kernels, tiled 2 rows × 4 columns, against the triple loop', () => {
  for (const { name, setUp } of KERNELS) {
    for (const [entries, draw] of [
      ['integer', integers],
      ['real', reals],
    ] as const) {
      it(`${name}, ${entries} entries, called twice, for all ${SIZES.length} sizes`, () => {
        for (const { m, k, n } of SIZES) {
          const { C, call, expected } = setUp(m, k, n, draw);
          const afterOne = expected(C);
          const afterTwo = expected(afterOne);
          call();
          expect(Array.from(C), `m=${m} k=${k} n=${n}, first call`).toEqual(Array.from(afterOne));
          call();
          expect(Array.from(C), `m=${m} k=${k} n=${n}, second call`).toEqual(Array.from(afterTwo));
        }
      });
    }
  }
});
