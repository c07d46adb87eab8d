import { max, min } from 'd3-array';
import { type ActivationName, sampleActivation } from '../../nn/activations.ts';
import type { StateOf } from '../../ui/url-state/index.ts';
import type { ActivationsSchema } from './schema.ts';

/** Odd, so that the grid's middle sample is exactly x = 0 (where σ′ and tanh′ peak). */
export const SAMPLE_COUNT = 601;

/** One end of a plateau of f′: the maximum holds up to `x`, with or without `x` itself. */
export interface PlateauEdge {
  readonly x: number;
  readonly inclusive: boolean;
}

/**
 * The largest f′ on the grid and the samples where it is reached (from = to for a single peak).
 * For a plateau, `lower` and `upper` are its ends found between samples (null at the window's
 * edge): ReLU′ = 1 for x > 0, ELU′ = 1 for x ≥ 0.
 */
export interface DerivativeMaximum {
  readonly value: number;
  readonly from: number;
  readonly to: number;
  readonly lower: PlateauEdge | null;
  readonly upper: PlateauEdge | null;
}

export interface ActivationCurve {
  readonly name: ActivationName;
  /** f and f′ on the grid, both from the engine (forward pass and backward()). */
  readonly y: Float64Array;
  readonly dy: Float64Array;
  readonly maximum: DerivativeMaximum;
  /** f and f′ at the crosshair, from the engine at that exact x. */
  readonly atCrosshair: { readonly y: number; readonly dy: number };
}

export interface ExplorerNumbers {
  readonly range: number;
  readonly xs: Float64Array;
  readonly crosshair: number;
  readonly curves: readonly ActivationCurve[];
  readonly fDomain: readonly [number, number];
  readonly dfDomain: readonly [number, number];
}

/** Evenly spaced x from −range to range. */
export function sampleGrid(range: number, count = SAMPLE_COUNT): Float64Array {
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = -range + (2 * range * i) / (count - 1);
  return xs;
}

/** Headroom on the f′ axis for the labels of each function shown beyond the deck's three. */
const LABEL_ROOM_PER_EXTRA = 0.07;

/** Edges are reported to two decimals, like every x the explorer shows. */
const EDGE_DECIMALS = 2;
const BISECTION_STEPS = 60;

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

/**
 * Where a plateau of f′ ends between a sample on it (`inside`) and one off it (`outside`):
 * bisection on the engine's f′, then rounded, and whether f′ at the rounded edge is still the maximum.
 */
export function plateauEdge(name: ActivationName, inside: number, outside: number, value: number): PlateauEdge {
  const atMaximum = (x: number) => sameValue(sampleActivation(name, [x]).dy[0], value);
  let on = inside;
  let off = outside;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const middle = (on + off) / 2;
    if (atMaximum(middle)) on = middle;
    else off = middle;
  }
  const x = Number(on.toFixed(EDGE_DECIMALS)) + 0; // + 0 turns −0 into 0
  return { x, inclusive: atMaximum(x) };
}

/**
 * The maximum of sampled f′, found numerically. Samples equal to it (to rounding) next to the
 * peak widen it into a plateau, whose ends are then located between samples.
 */
export function derivativeMaximum(name: ActivationName, xs: ArrayLike<number>, dy: ArrayLike<number>): DerivativeMaximum {
  let peak = 0;
  for (let i = 1; i < dy.length; i++) if (dy[i] > dy[peak]) peak = i;
  const value = dy[peak];
  let first = peak;
  let last = peak;
  while (first > 0 && sameValue(dy[first - 1], value)) first--;
  while (last < dy.length - 1 && sameValue(dy[last + 1], value)) last++;
  const plateau = first !== last;
  return {
    value,
    from: xs[first],
    to: xs[last],
    lower: plateau && first > 0 ? plateauEdge(name, xs[first], xs[first - 1], value) : null,
    upper: plateau && last < dy.length - 1 ? plateauEdge(name, xs[last], xs[last + 1], value) : null,
  };
}

/** The crosshair stays inside the window: a narrower range pulls it in. */
export function clampCrosshair(x: number, range: number): number {
  return Math.min(range, Math.max(-range, x));
}

/** Smallest and largest value over several sampled curves (callers pass at least one). */
function extentOf(arrays: readonly Float64Array[]): [number, number] {
  return [min(arrays, (values) => min(values)) ?? 0, max(arrays, (values) => max(values)) ?? 0];
}

function activationCurve(name: ActivationName, xs: Float64Array, crosshair: number): ActivationCurve {
  const { y, dy } = sampleActivation(name, xs);
  const at = sampleActivation(name, [crosshair]);
  return { name, y, dy, maximum: derivativeMaximum(name, xs, dy), atCrosshair: { y: at.y[0], dy: at.dy[0] } };
}

/** URL state → every number the explorer draws or prints. */
export function explorerNumbers(state: StateOf<ActivationsSchema>): ExplorerNumbers {
  const xs = sampleGrid(state.range);
  const crosshair = clampCrosshair(state.x, state.range);
  const curves = state.show.map((name) => activationCurve(name, xs, crosshair));
  const [yLow, yHigh] = curves.length > 0 ? extentOf(curves.map((c) => c.y)) : [-1, 1];
  const yPad = 0.06 * (yHigh - yLow);
  const [dyLow, dyHigh] = curves.length > 0 ? extentOf(curves.map((c) => c.dy)) : [0, 1];
  return {
    range: state.range,
    xs,
    crosshair,
    curves,
    fDomain: [yLow - yPad, yHigh + yPad],
    // Always show 0 … 1 so that σ′ ≤ 0.25 looks as small as it is next to tanh′ and ReLU′, with
    // room above the maxima for their labels: a little more for each function beyond the deck's three.
    dfDomain: [Math.min(0, dyLow) - 0.08, Math.max(1, dyHigh) + 0.14 + LABEL_ROOM_PER_EXTRA * Math.max(0, curves.length - 3)],
  };
}
