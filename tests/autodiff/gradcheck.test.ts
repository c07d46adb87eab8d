import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../src/autodiff/index.ts';
import * as ad from '../../src/autodiff/index.ts';
import { maxGradientError, numericalGradients } from './finite-difference.ts';

/*
 * Property: on random expressions over two vectors and a scalar, backward() agrees with
 * central finite differences to a relative error of 1e-6. Ops with a restricted domain are
 * wrapped so any input is valid (log(e² + 1), division by e² + 1, a root of e² + 1).
 */

const UNARY = {
  neg: ad.neg,
  exp: (e: Tensor) => ad.exp(ad.tanh(e)),
  log: (e: Tensor) => ad.log(ad.add(ad.mul(e, e), 1)),
  cube: (e: Tensor) => ad.pow(e, 3),
  root: (e: Tensor) => ad.pow(ad.add(ad.mul(e, e), 1), 0.5),
  sigmoid: ad.sigmoid,
  tanh: ad.tanh,
  relu: ad.relu,
  leakyRelu: (e: Tensor) => ad.leakyRelu(e, 0.1),
  elu: ad.elu,
  gelu: ad.gelu,
  silu: ad.silu,
  softplus: ad.softplus,
  sum: ad.sum,
  mean: ad.mean,
} as const;

const BINARY = {
  add: ad.add,
  sub: ad.sub,
  mul: ad.mul,
  div: (a: Tensor, b: Tensor) => ad.div(a, ad.add(ad.mul(b, b), 1)),
  mse: ad.mse,
  bceWithLogits: (a: Tensor, b: Tensor) => ad.bceWithLogits(a, ad.sigmoid(b)),
} as const;

type Expr =
  | { kind: 'variable'; index: number }
  | { kind: 'unary'; op: keyof typeof UNARY; arg: Expr }
  | { kind: 'binary'; op: keyof typeof BINARY; left: Expr; right: Expr };

const { expr } = fc.letrec<{ expr: Expr; variable: Expr; unary: Expr; binary: Expr }>((tie) => ({
  expr: fc.oneof({ maxDepth: 5, depthIdentifier: 'expr' }, tie('variable'), tie('unary'), tie('binary')),
  variable: fc.record({ kind: fc.constant('variable' as const), index: fc.integer({ min: 0, max: 2 }) }),
  unary: fc.record({
    kind: fc.constant('unary' as const),
    op: fc.constantFrom(...(Object.keys(UNARY) as (keyof typeof UNARY)[])),
    arg: tie('expr'),
  }),
  binary: fc.record({
    kind: fc.constant('binary' as const),
    op: fc.constantFrom(...(Object.keys(BINARY) as (keyof typeof BINARY)[])),
    left: tie('expr'),
    right: tie('expr'),
  }),
}));

/** Vectors of 3 and a scalar: mse and bce need equal sizes, so a mismatch falls back to `mul` (which broadcasts). */
function evaluate(e: Expr, variables: readonly Tensor[]): Tensor {
  switch (e.kind) {
    case 'variable':
      return variables[e.index];
    case 'unary':
      return UNARY[e.op](evaluate(e.arg, variables));
    case 'binary': {
      const left = evaluate(e.left, variables);
      const right = evaluate(e.right, variables);
      const sizesDiffer = left.size !== right.size;
      return sizesDiffer && (e.op === 'mse' || e.op === 'bceWithLogits') ? ad.mul(left, right) : BINARY[e.op](left, right);
    }
  }
}

const KINKED_OPS = new Set(['relu', 'leakyRelu', 'elu']);

/** Finite differences straddling a kink measure an average of two slopes, not the derivative. */
function nearKink(root: Tensor): boolean {
  return ad.topologicalOrder(root).some((node) => KINKED_OPS.has(node.op) && node.inputs[0].data.some((v) => Math.abs(v) < 1e-4));
}

function allFiniteAndModerate(root: Tensor): boolean {
  return ad.topologicalOrder(root).every((node) => node.data.every((v) => Number.isFinite(v) && Math.abs(v) < 1e6));
}

const coordinate = fc.double({ min: -2, max: 2, noNaN: true });

describe('gradients of random expressions', () => {
  it('match central finite differences (relative error ≤ 1e-6)', () => {
    fc.assert(
      fc.property(
        expr,
        fc.array(coordinate, { minLength: 3, maxLength: 3 }),
        fc.array(coordinate, { minLength: 3, maxLength: 3 }),
        coordinate,
        (e, u, v, s) => {
          const variables = [ad.tensor(u), ad.tensor(v), ad.scalar(s)];
          const f = () => ad.sum(evaluate(e, variables));
          const root = f();
          fc.pre(allFiniteAndModerate(root) && !nearKink(root));
          ad.backward(root);
          const analytic = variables.map((t) => Float64Array.from(t.grad));
          const numerical = numericalGradients(f, variables);
          expect(maxGradientError(analytic, numerical)).toBeLessThanOrEqual(1e-6);
        },
      ),
      { numRuns: 300, seed: 20240601 },
    );
  });
});

describe('scalar graphs rebuilt in a pool (the path of the worked example and of every training step)', () => {
  it('match finite differences and the gradients of a fresh graph bit for bit, step after step, with no new node or array', () => {
    fc.assert(
      fc.property(expr, coordinate, coordinate, coordinate, (e, p, q, r) => {
        const variables = [ad.scalar(p), ad.scalar(q), ad.scalar(r)];
        const f = () => ad.sum(evaluate(e, variables));
        const fresh = f();
        fc.pre(allFiniteAndModerate(fresh) && !nearKink(fresh));
        ad.backward(fresh);
        const freshGradients = variables.map((t) => t.grad[0]);
        expect(
          maxGradientError([Float64Array.from(freshGradients)], [Float64Array.from(numericalGradients(f, variables).map((g) => g[0]))]),
        ).toBeLessThanOrEqual(1e-6);

        const pool = new ad.BufferPool();
        let made = { arrays: 0, nodes: 0 };
        for (let round = 0; round < 3; round++) {
          ad.zeroGrad(variables);
          const value = ad.reusingBuffers(pool, () => {
            const root = f();
            ad.backward(root);
            return root.item();
          });
          expect(value).toBe(fresh.item());
          expect(variables.map((t) => t.grad[0])).toEqual(freshGradients);
          if (round === 0) made = { arrays: pool.created, nodes: pool.createdNodes };
        }
        expect({ arrays: pool.created, nodes: pool.createdNodes }).toEqual(made);
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });
});
