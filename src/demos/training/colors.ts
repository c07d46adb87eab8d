import { interpolateRgbBasis } from 'd3-interpolate';
import { palette } from '../../ui/palette.ts';

/** Colours of the two classes: points in full strength, the regions behind them in a light tint. */
export const CLASS_POINT = [palette.accent, palette.primary] as const;
export const CLASS_REGION: readonly [number, number, number][] = [
  [247, 201, 170],
  [188, 205, 246],
];

/** Viridis-like ramp for log-scaled gradient norms: dark = vanished, bright = large. */
const ramp = interpolateRgbBasis(['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725']);
export const RAMP_STEPS = 64;
export const NORM_RAMP: readonly [number, number, number][] = Array.from({ length: RAMP_STEPS }, (_, i) => {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(ramp(i / (RAMP_STEPS - 1)))!;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
});
/** log₁₀ of the gradient norms mapped onto the ramp. */
export const NORM_LOG_RANGE = [-12, 0] as const;
