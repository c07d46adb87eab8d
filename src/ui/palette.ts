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

/**
 * One colour per activation, wherever it is drawn (slides, the activations demo, the training lab):
 * the deck's three keep their palette colour; the five extras get the remaining Okabe–Ito hues.
 */
export const activationPalette: Readonly<Record<ActivationName, string>> = {
  sigmoid: palette.sigmoid,
  tanh: palette.tanh,
  relu: palette.relu,
  leakyRelu: '#56b4e9',
  elu: '#d55e00',
  gelu: palette.other,
  silu: palette.ink,
  softplus: '#8a7a00',
};
