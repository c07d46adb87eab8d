import type { ActivationName } from '../../nn/activations.ts';
import { activationPalette as color } from '../../ui/palette.ts';

/**
 * Colour (the shared activationPalette) and dash per activation: the five extras get a dash, so that
 * curves of similar shape (ReLU and Leaky ReLU) stay apart without relying on colour alone.
 */
export interface CurveStyle {
  readonly color: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  readonly dash: string;
}

export const CURVE_STYLES: Readonly<Record<ActivationName, CurveStyle>> = {
  sigmoid: { color: color.sigmoid, dash: '' },
  tanh: { color: color.tanh, dash: '' },
  relu: { color: color.relu, dash: '' },
  leakyRelu: { color: color.leakyRelu, dash: '10 6' },
  elu: { color: color.elu, dash: '10 6' },
  gelu: { color: color.gelu, dash: '3 5' },
  silu: { color: color.silu, dash: '3 5' },
  softplus: { color: color.softplus, dash: '14 5 3 5' },
};
