import { describe, expect, it } from 'vitest';
import { add, BufferPool, backward, exp, log, mul, reusingBuffers, scalar, type Tensor, tanh } from '../../src/autodiff/index.ts';

/*
 * Inside a pool, `backward` walks the pool's nodes backwards in the order they were made (a tape)
 * instead of sorting the graph. These are the cases where a tape that is taken for the whole graph,
 * or an order other than the order of making, would give a different gradient.
 */

/** x.grad after backward of the graph `build` makes from x, fresh (sorted) or in a pool (on its tape). */
function gradientOfX(build: (x: Tensor) => Tensor, pool: BufferPool | null, x0 = 1): number {
  const x = scalar(x0, 'x');
  if (pool === null) backward(build(x));
  else reusingBuffers(pool, () => backward(build(x)));
  return x.grad[0];
}

describe('backward on a pool tape', () => {
  it('sums a value’s gradients in reverse order of making, fresh or pooled, to the last bit', () => {
    // x feeds three products; depth-first from the root meets them in the order c3, c2, c1, which
    // is not the order they were made. 1 + 1e-16 + 1e-16 is 1 in one order and 1 + 2⁻⁵² in the other.
    const build = (x: Tensor) => {
      const c1 = mul(x, 1);
      const c2 = mul(x, 1e-16);
      const c3 = mul(x, 1e-16);
      return add(c3, add(c2, c1));
    };
    const inReverseOfMaking = 1e-16 + 1e-16 + 1;
    expect(inReverseOfMaking).not.toBe(1);
    expect(gradientOfX(build, null)).toBe(inReverseOfMaking);
    const pool = new BufferPool();
    for (let round = 0; round < 3; round++) expect(gradientOfX(build, pool)).toBe(inReverseOfMaking);
  });

  it('runs no step of a node on the tape that the root does not depend on (its 0 × ∞ would be NaN)', () => {
    const pool = new BufferPool();
    // log(0) = −∞ is made on the tape but not used; its step would add 0 / 0 into x.grad.
    const gradient = gradientOfX(
      (x) => {
        log(x);
        return mul(x, 3);
      },
      pool,
      0,
    );
    expect(gradient).toBe(3);
  });

  it('reaches values made before the pool’s use began, and their own inputs', () => {
    const w = scalar(0.5, 'w');
    const x = scalar(2, 'x');
    const hidden = tanh(mul(w, x)); // made outside the pool: off the tape
    const pool = new BufferPool();
    reusingBuffers(pool, () => backward(mul(hidden, exp(hidden))));
    const h = Math.tanh(1);
    // d/dw [h·eʰ] = (1 + h)eʰ · (1 − h²) · x
    expect(w.grad[0]).toBeCloseTo((1 + h) * Math.exp(h) * (1 - h * h) * 2, 14);
    expect(x.grad[0]).toBeCloseTo((1 + h) * Math.exp(h) * (1 - h * h) * 0.5, 14);
  });

  it('reaches values made in another pool whose use was nested in this one', () => {
    const outer = new BufferPool();
    const inner = new BufferPool();
    const w = scalar(0.3, 'w');
    reusingBuffers(outer, () => {
      const a = mul(w, 2);
      const b = reusingBuffers(inner, () => exp(a)); // on the inner pool's tape, not the outer one's
      backward(add(b, a));
    });
    expect(w.grad[0]).toBeCloseTo(2 * Math.exp(0.6) + 2, 14);
  });

  it('takes the gradient of a graph whose root was made before the pool’s use', () => {
    const w = scalar(1.5, 'w');
    const root = mul(w, w);
    reusingBuffers(new BufferPool(), () => backward(root));
    expect(w.grad[0]).toBe(3);
  });

  it('numbers every node after its inputs', () => {
    const pool = new BufferPool();
    for (let round = 0; round < 2; round++) {
      const x = scalar(1);
      reusingBuffers(pool, () => {
        const y = mul(add(x, 2), x);
        const [sum, same] = y.inputs;
        expect(sum.serial).toBeLessThan(y.serial);
        expect(x.serial).toBeLessThan(sum.serial);
        expect(sum.inputs[1].serial).toBeLessThan(sum.serial); // the constant 2
        expect(same).toBe(x);
      });
    }
  });
});
