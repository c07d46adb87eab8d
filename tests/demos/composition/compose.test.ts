import { describe, expect, it } from 'vitest';
import {
  chainOrder,
  composeNumbers,
  composeValues,
  compositionDegree,
  compositionTex,
} from '../../../src/demos/composition/model-compose.ts';

/*
 * An independent polynomial algebra over BigInt: coefficient arrays, lowest power first.
 * f₁(u) = u² + 2, f₂(u) = 2u² − 3u, applied f₁, f₂, f₁, … as in the deck.
 */
type Poly = bigint[];
function multiply(a: Poly, b: Poly): Poly {
  const out: Poly = new Array(a.length + b.length - 1).fill(0n);
  a.forEach((ai, i) => {
    b.forEach((bj, j) => {
      out[i + j] += ai * bj;
    });
  });
  return out;
}
function plus(a: Poly, b: Poly): Poly {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0n) + (b[i] ?? 0n));
}
const scale = (a: Poly, c: bigint): Poly => a.map((v) => v * c);
const f1 = (u: Poly) => plus(multiply(u, u), [2n]);
const f2 = (u: Poly) => plus(scale(multiply(u, u), 2n), scale(u, -3n));
function chainPolynomial(k: number): Poly {
  let g: Poly = [0n, 1n]; // x
  for (let i = 0; i < k; i++) g = i % 2 === 0 ? f1(g) : f2(g);
  return g;
}
function degreeOf(p: Poly): number {
  let d = p.length - 1;
  while (d > 0 && p[d] === 0n) d--;
  return d;
}
/** Exact g_k(x) for an integer x, by applying f₁, f₂ to BigInts. */
function exactChain(k: number, x: bigint): bigint {
  let u = x;
  for (let i = 0; i < k; i++) u = i % 2 === 0 ? u * u + 2n : 2n * u * u - 3n * u;
  return u;
}

describe('composition of quadratics', () => {
  it('has degree 2ᵏ, checked by expanding the polynomial exactly (k = 1 … 10)', () => {
    for (let k = 1; k <= 10; k++) {
      expect(compositionDegree(k)).toBe(2 ** k);
      expect(degreeOf(chainPolynomial(k))).toBe(2 ** k);
    }
  });

  it('computes f₂(f₁(x)) = 2(x² + 2)² − 3(x² + 2) on a grid', () => {
    const xs = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1);
    const values = composeValues(2, xs);
    xs.forEach((x, i) => {
      const u = x * x + 2;
      expect(values[i]).toBeCloseTo(2 * u * u - 3 * u, 10);
    });
  });

  it('matches exact integer arithmetic wherever Float64 is exact (k = 1 … 4)', () => {
    for (let k = 1; k <= 4; k++) {
      const xs = [-3, -2, -1, 0, 1, 2, 3];
      const values = composeValues(k, xs);
      xs.forEach((x, i) => {
        expect(values[i]).toBe(Number(exactChain(k, BigInt(x))));
      });
    }
  });

  it('stays within rounding of the exact value up to 10¹¹⁷ (g₁₀(0))', () => {
    const exact = Number(exactChain(10, 0n));
    expect(exact).toBeGreaterThan(1e117);
    expect(Math.abs(composeValues(10, [0])[0] / exact - 1)).toBeLessThan(1e-12);
  });

  it('reports values past Float64 as +∞ (overflow), never NaN', () => {
    expect(exactChain(10, 2n) > 10n ** 308n).toBe(true);
    const [atTwo] = composeValues(10, [2]);
    expect(atTwo).toBe(Infinity);
    const numbers = composeNumbers(10, 2);
    expect(numbers.ys.some(Number.isNaN)).toBe(false);
    expect(numbers.overflowCount).toBeGreaterThan(0);
    expect(numbers.finiteExtent.every(Number.isFinite)).toBe(true);
  });

  it('starts with f₁ and alternates, as the slide writes f₂(f₁(x))', () => {
    expect(chainOrder(3)).toEqual([0, 1, 0]);
    expect(compositionTex(1)).toBe('f_1(x)');
    expect(compositionTex(2)).toBe('f_2(f_1(x))');
    expect(compositionTex(3)).toBe('f_1(f_2(f_1(x)))');
    expect(compositionTex(10)).toBe('f_2(f_1(\\cdots f_2(f_1(x))\\cdots))');
  });

  it('reads g at 0 and at the window edge', () => {
    const numbers = composeNumbers(2, 2);
    expect(numbers.atZero).toBe(2); // f₂(f₁(0)) = f₂(2) = 8 − 6
    expect(numbers.atEdge).toBe(54); // f₂(f₁(2)) = f₂(6) = 72 − 18
    expect(numbers.xs[0]).toBe(-2);
    expect(numbers.xs[numbers.xs.length - 1]).toBe(2);
  });
});
