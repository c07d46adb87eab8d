import { add, mul, noGrad, sub, type Tensor, tensor } from '../../autodiff/index.ts';

/** One building block of the chain: a quadratic, as engine ops and as TeX. */
export interface Quadratic {
  readonly tex: string;
  readonly degree: number;
  readonly apply: (u: Tensor) => Tensor;
}

/** The deck's example (slide 7): f₁(x) = x² + 2, f₂(x) = 2x² − 3x. */
export const QUADRATICS: readonly [Quadratic, Quadratic] = [
  { tex: 'f_1(x) = x^2 + 2', degree: 2, apply: (u) => add(mul(u, u), 2) },
  { tex: 'f_2(x) = 2x^2 - 3x', degree: 2, apply: (u) => sub(mul(2, mul(u, u)), mul(3, u)) },
];

/** Which quadratic is applied at each of k steps: f₁ first, then f₂, f₁, … (indices 0 and 1). */
export function chainOrder(k: number): number[] {
  return Array.from({ length: k }, (_, i) => i % 2);
}

/** The degree of a composition is the product of the degrees: 2 · 2 ⋯ 2 = 2ᵏ. */
export function compositionDegree(k: number): number {
  return chainOrder(k).reduce((degree, i) => degree * QUADRATICS[i].degree, 1);
}

/**
 * g_k(x) at each x through the engine's ops. Values pass 10³⁰⁸ quickly (g₁₀(0) ≈ 1.7·10¹¹⁷):
 * Float64 then gives ∞, and f₂(∞) = 2∞ − 3∞ = NaN, so every non-finite value is reported as
 * +∞ (overflow). That is sound here: f₁ ≥ 2 and f₂(u) ≥ 2 for u ≥ 2, so g_k > 0 everywhere.
 */
export function composeValues(k: number, xs: ArrayLike<number>): Float64Array {
  const values = noGrad(() => chainOrder(k).reduce((u, i) => QUADRATICS[i].apply(u), tensor(xs))).data;
  return values.map((v) => (Number.isFinite(v) ? v : Infinity));
}

/** Nested TeX of g_k: f_2(f_1(x)) for small k, with an ellipsis for long chains. */
export function compositionTex(k: number): string {
  const order = chainOrder(k);
  const name = (i: number) => `f_${i + 1}`;
  if (k <= 5) return order.reduce((inner, i) => `${name(i)}(${inner})`, 'x');
  const outer = order.slice(-2).reverse().map(name);
  return `${outer[0]}(${outer[1]}(\\cdots f_2(f_1(x))\\cdots))`;
}

export const COMPOSE_SAMPLES = 401;

export interface ComposeNumbers {
  readonly k: number;
  readonly degree: number;
  readonly xs: Float64Array;
  /** g_k on the grid; +∞ where Float64 overflows. */
  readonly ys: Float64Array;
  readonly overflowCount: number;
  /** Smallest and largest finite value on the grid. */
  readonly finiteExtent: readonly [number, number];
  readonly atZero: number;
  readonly atEdge: number;
}

export function composeNumbers(k: number, halfWidth: number): ComposeNumbers {
  const xs = new Float64Array(COMPOSE_SAMPLES);
  for (let i = 0; i < COMPOSE_SAMPLES; i++) xs[i] = -halfWidth + (2 * halfWidth * i) / (COMPOSE_SAMPLES - 1);
  const ys = composeValues(k, xs);
  const finite = ys.filter((v) => v !== Infinity);
  const [atZero, atEdge] = composeValues(k, [0, halfWidth]);
  return {
    k,
    degree: compositionDegree(k),
    xs,
    ys,
    overflowCount: ys.length - finite.length,
    finiteExtent: finite.length > 0 ? [Math.min(...finite), Math.max(...finite)] : [1, 1],
    atZero,
    atEdge,
  };
}
