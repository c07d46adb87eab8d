import type { DerivativeMaximum } from './model.ts';
import { withMinusSign } from './readout-number.ts';

/** x for a label: at most two decimals, no trailing zeros (0, 2.5, −1.25). */
export function shortX(x: number): string {
  return withMinusSign(String(Number(x.toFixed(2)) + 0));
}

/**
 * Where f′ reaches its maximum, as a condition on x: "x = 0" for a peak, "x > 0" (ReLU) or
 * "x ≥ 0" (ELU) for a plateau that runs to the window's edge, "a < x < b" for one in between.
 */
export function maximumWhere(maximum: DerivativeMaximum): string {
  const { from, to, lower, upper } = maximum;
  if (from === to) return `x = ${shortX(from)}`;
  const left = lower ? `${shortX(lower.x)} ${lower.inclusive ? '≤' : '<'} ` : '';
  const right = upper ? ` ${upper.inclusive ? '≤' : '<'} ${shortX(upper.x)}` : '';
  if (left && right) return `${left}x${right}`;
  if (lower) return `x ${lower.inclusive ? '≥' : '>'} ${shortX(lower.x)}`;
  if (upper) return `x${right}`;
  return `${shortX(from)} ≤ x ≤ ${shortX(to)}`;
}
