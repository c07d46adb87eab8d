import { ACTIVATION_NAMES, type ActivationName } from '../../nn/activations.ts';
import { param } from '../../ui/url-state/index.ts';

/** The widest window: x ∈ [−20, 20]. Beyond it every curve is flat or a straight line. */
export const MAX_RANGE = 20;

/** Shown unless the URL says otherwise: the three functions the deck compares. */
export const DEFAULT_SHOWN: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu'];

/**
 * The explorer's URL: which functions are drawn, the half-width of the x window,
 * and where the crosshair points (a slide can open it at x = 0 or x = 2).
 */
export const activationsSchema = {
  show: param.set(ACTIVATION_NAMES, DEFAULT_SHOWN),
  range: param.number(1, MAX_RANGE, 6),
  x: param.number(-MAX_RANGE, MAX_RANGE, 0),
};

export type ActivationsSchema = typeof activationsSchema;
