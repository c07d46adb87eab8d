import { backward, noGrad, pow, scalar, sub, tensor } from '../../autodiff/index.ts';
import type { StateOf } from '../../ui/url-state/index.ts';
import { gapFactor, type Regime, regimeOf } from './regime.ts';
import type { DescentSchema } from './schema.ts';

/** One point of the descent: y_k, its gap to t, Φ(y_k) and the slope Φ′(y_k) that the next step uses. */
export interface Iterate {
  readonly k: number;
  readonly y: number;
  readonly gap: number;
  readonly phi: number;
  readonly slope: number;
}

export interface DescentModel {
  /** The target t and the rate α the iterates were computed with. */
  readonly t: number;
  readonly alpha: number;
  /** y₀ … y_k, or fewer when the numbers outgrow what can be shown before step k (see `descend`). */
  readonly iterates: readonly Iterate[];
  /** y_{k+1} = y_k − α Φ′(y_k): where the next update goes. */
  readonly next: number;
  /** False when y_{k+1} is past what can be shown (see `isShowable`): no further step is taken. */
  readonly nextIsShowable: boolean;
  readonly regime: Regime;
  /** 1 − 2α: the factor the gap y − t is multiplied by at every step. */
  readonly factor: number;
}

/** y − t, Φ(y) = (y − t)² and Φ′(y), by the engine's forward and backward pass. */
export function lossAndSlope(y: number, t: number): { gap: number; phi: number; slope: number } {
  const yTensor = scalar(y, 'y');
  const gap = sub(yTensor, t);
  const phi = pow(gap, 2);
  backward(phi);
  return { gap: gap.item(), phi: phi.item(), slope: yTensor.grad[0] };
}

/** Φ at many y at once (the curve of the plot), forward only. */
export function lossCurve(ys: ArrayLike<number>, t: number): Float64Array {
  return noGrad(() => pow(sub(tensor(ys), t), 2).data);
}

/** The slides' update: y_new = y − α Φ′(y). */
export function step(y: number, alpha: number, slope: number): number {
  return y - alpha * slope;
}

/**
 * The largest gap |y − t| shown: Φ = gap² then stays below 10³⁰⁸, the end of double precision
 * (1.8×10³⁰⁸; Φ is the first number to overflow) and of the plot's range.
 */
export const LARGEST_GAP = 1e154;

/** True when every number of the iterate is finite and its Φ stays below 10³⁰⁸. */
export function isShowable(it: Omit<Iterate, 'k'>): boolean {
  return [it.y, it.gap, it.phi, it.slope].every(Number.isFinite) && Math.abs(it.gap) <= LARGEST_GAP;
}

/**
 * k steps of y ← y − α Φ′(y) from y₀, stopping early at the last showable iterate: a diverging
 * rate overflows Float64 after enough steps, and ±∞ or NaN is never shown.
 */
export function descend(y0: number, t: number, alpha: number, steps: number): Iterate[] {
  const iterates: Iterate[] = [];
  let y = y0;
  for (let k = 0; k <= steps; k++) {
    const iterate = { k, y, ...lossAndSlope(y, t) };
    if (!isShowable(iterate)) break;
    iterates.push(iterate);
    y = step(y, alpha, iterate.slope);
  }
  return iterates;
}

export function descentModel(state: Pick<StateOf<DescentSchema>, 'alpha' | 'y0' | 't' | 'k'>): DescentModel {
  const iterates = descend(state.y0, state.t, state.alpha, state.k);
  const last = iterates[iterates.length - 1];
  const next = step(last.y, state.alpha, last.slope);
  return {
    t: state.t,
    alpha: state.alpha,
    iterates,
    next,
    nextIsShowable: isShowable({ y: next, ...lossAndSlope(next, state.t) }),
    regime: regimeOf(state.alpha),
    factor: gapFactor(state.alpha),
  };
}
