import type { ActivationName } from '../nn/activations.ts';

/**
 * One palette for the theme, the slide figures and the live demos, so a curve
 * has the same colour on a slide and in the demo it links to.
 * Okabe–Ito hues (distinguishable with the common colour-vision deficiencies);
 * `ink` and `muted` reach WCAG AA contrast on `paper`.
 */
export const palette = {
  paper: '#ffffff',
  ink: '#1f2933',
  muted: '#52606d',
  grid: '#d9e2ec',
  accent: '#c2410c',
  primary: '#1d4ed8',
  sigmoid: '#e69f00',
  tanh: '#009e73',
  relu: '#0072b2',
  other: '#cc79a7',
} as const;

export type PaletteColor = keyof typeof palette;

/** How an activation's curve is drawn. */
export interface ActivationStyle {
  readonly color: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  readonly dash: string;
}

/**
 * One style per activation, wherever it is drawn (slides, figures, every demo). The deck's three keep
 * their palette colour and a solid line; the five extras get the remaining Okabe–Ito hues and a dash,
 * so that curves of similar shape (ReLU and Leaky ReLU) stay apart without relying on colour alone.
 */
export const activationStyle: Readonly<Record<ActivationName, ActivationStyle>> = {
  sigmoid: { color: palette.sigmoid, dash: '' },
  tanh: { color: palette.tanh, dash: '' },
  relu: { color: palette.relu, dash: '' },
  leakyRelu: { color: '#56b4e9', dash: '10 6' },
  elu: { color: '#d55e00', dash: '10 6' },
  gelu: { color: palette.other, dash: '3 5' },
  silu: { color: palette.ink, dash: '3 5' },
  softplus: { color: '#8a7a00', dash: '14 5 3 5' },
};
