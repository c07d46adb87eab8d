import { param } from '../../ui/url-state/index.ts';

/**
 * Steps from the bare graph to the update for x₁ = ax+5, y = bx₁+3, Φ = (y−t)²:
 * 6 ops forward, 6 ops backward, 1 update (a test checks this against the engine's graph).
 */
export const REVEAL_STEPS = 13;
export const MAX_ITERATIONS = 100;
export const FOCUS_VALUES = ['none', 'a', 'b'] as const;

/** Every control of the backprop demo, as it appears in the URL. Defaults are the slides' numbers. */
export const backpropSchema = {
  x: param.number(-5, 5, 2),
  t: param.number(-20, 20, 10),
  a: param.number(-5, 5, 2),
  b: param.number(-5, 5, 1),
  alphaA: param.number(0.001, 0.1, 0.01),
  alphaB: param.number(0.001, 0.1, 0.01),
  /** How far the forward/backward/update walk-through has gone in the current iteration. */
  step: param.int(0, REVEAL_STEPS, 0),
  /** Updates already applied: the graph shows the parameters after this many steps. */
  iter: param.int(0, MAX_ITERATIONS, 0),
  focus: param.enum(FOCUS_VALUES, 'none'),
};

export type BackpropSchema = typeof backpropSchema;
export type Focus = (typeof FOCUS_VALUES)[number];
