import type { ActivationName } from '../../nn/activations.ts';
import { palette } from '../../ui/palette.ts';

/**
 * Colour and dash per activation. The deck's three keep the shared palette (same colour as on the
 * slides); the five extras get the remaining Okabe–Ito hues plus a dash, so that curves of similar
 * shape (ReLU and Leaky ReLU) stay apart without relying on colour alone.
 */
export interface CurveStyle {
  readonly color: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  readonly dash: string;
}

export const CURVE_STYLES: Readonly<Record<ActivationName, CurveStyle>> = {
  sigmoid: { color: palette.sigmoid, dash: '' },
  tanh: { color: palette.tanh, dash: '' },
  relu: { color: palette.relu, dash: '' },
  leakyRelu: { color: '#56b4e9', dash: '10 6' },
  elu: { color: '#d55e00', dash: '10 6' },
  gelu: { color: palette.other, dash: '3 5' },
  silu: { color: palette.ink, dash: '3 5' },
  softplus: { color: '#8a7a00', dash: '14 5 3 5' },
};
