import { add, mul, noGrad, pow, scalar, sub, type Tensor } from '../../autodiff/index.ts';

/** The numbers of the slides' worked example: input x, target t, parameters a and b. */
export interface WorkedInputs {
  readonly x: number;
  readonly t: number;
  readonly a: number;
  readonly b: number;
}

export type ParameterName = 'a' | 'b';

/** Φ = (y − t)^LOSS_EXPONENT. The pow node keeps it as its `attribute`; the formulas, written before any graph exists, read it here. */
export const LOSS_EXPONENT = 2;

/** The leaves and the loss of one forward pass; the rest of the graph hangs off `phi`. */
export interface WorkedExpression {
  readonly a: Tensor;
  readonly b: Tensor;
  readonly phi: Tensor;
}

function labelled(tensor: Tensor, label: string): Tensor {
  tensor.label = label;
  return tensor;
}

/**
 * The slides' two-layer model and its loss, built from the engine's scalar ops:
 * x₁ = ax + 5, y = bx₁ + 3, Φ = (y − t)². Every intermediate gets a label so the
 * drawn graph names it; the numbers 5 and 3 become 'const' nodes by themselves.
 */
export function buildExpression(v: WorkedInputs): WorkedExpression {
  const x = scalar(v.x, 'x');
  const t = scalar(v.t, 't');
  const a = scalar(v.a, 'a');
  const b = scalar(v.b, 'b');
  const ax = labelled(mul(a, x), 'ax');
  const x1 = labelled(add(ax, 5), 'x₁');
  const bx1 = labelled(mul(b, x1), 'bx₁');
  const y = labelled(add(bx1, 3), 'y');
  const residual = labelled(sub(y, t), 'y−t');
  const phi = labelled(pow(residual, LOSS_EXPONENT), 'Φ');
  return { a, b, phi };
}

/** Φ as a plain function of the inputs (the forward pass only), for finite differences. */
export function phiAt(v: WorkedInputs): number {
  return noGrad(() => buildExpression(v).phi.item());
}
