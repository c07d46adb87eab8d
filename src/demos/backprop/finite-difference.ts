/**
 * Step for the central difference. Φ here is a quadratic in each parameter, so the
 * difference has no truncation error and only rounding matters (≈ ε·|Φ|/h): a fairly
 * large step keeps that far below the 6 digits the demo shows.
 */
export const DIFFERENCE_STEP = 1e-4;

/** (f(v + h) − f(v − h)) / 2h: the slope estimated from the forward function alone. */
export function centralDifference(f: (v: number) => number, at: number, h = DIFFERENCE_STEP): number {
  return (f(at + h) - f(at - h)) / (2 * h);
}
