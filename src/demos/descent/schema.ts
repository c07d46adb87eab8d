import { param } from '../../ui/url-state/index.ts';

export const MAX_STEPS = 50;

/** Every control of the descent demo, as it appears in the URL. */
export const descentSchema = {
  /** Learning rate: up to 1.2 so that diverging rates (α > 1) are reachable. */
  alpha: param.number(0.01, 1.2, 0.1),
  /** Starting prediction y₀. */
  y0: param.number(-20, 20, 15),
  /** Target t. */
  t: param.number(-20, 20, 10),
  /** Updates applied so far. */
  k: param.int(0, MAX_STEPS, 0),
};

export type DescentSchema = typeof descentSchema;
