/**
 * The talk's worked example, run through the autodiff engine:
 * x₁ = a·x + 5, y = b·x₁ + 3, Φ = (y − t)². Every number the backprop figures print
 * comes from here, so the slides cannot drift from the arithmetic.
 */
import { add, backward, mul, pow, scalar, sub, type Tensor } from '../../autodiff/index.ts';

export interface BackpropInputs {
  x: number;
  t: number;
  a: number;
  b: number;
}

export interface BackpropNumbers extends BackpropInputs {
  x1: number;
  y: number;
  phi: number;
  /** Local derivatives along the graph's edges. */
  dPhiDy: number;
  dyDb: number;
  dyDx1: number;
  dx1Da: number;
  /** ∂x₁/∂x = a: the factor a layer before this one would add (slide 16's figure). */
  dx1Dx: number;
  /** Chain-rule products: the gradients the update uses. */
  dPhiDb: number;
  dPhiDa: number;
}

export const BACKPROP_EXAMPLE: BackpropInputs = { x: 2, t: 10, a: 2, b: 1 };

function buildGraph({ x, t, a, b }: BackpropInputs) {
  const aNode = scalar(a, 'a');
  const bNode = scalar(b, 'b');
  const xNode = scalar(x, 'x');
  const x1 = add(mul(aNode, xNode), 5);
  const y = add(mul(bNode, x1), 3);
  const phi = pow(sub(y, t), 2);
  return { aNode, bNode, xNode, x1, y, phi };
}

/** ∂root/∂node on a fresh copy of the graph, so each local derivative is its own backward pass. */
function gradientOf(inputs: BackpropInputs, root: 'phi' | 'y' | 'x1', pick: (g: ReturnType<typeof buildGraph>) => Tensor): number {
  const graph = buildGraph(inputs);
  backward(graph[root]);
  return pick(graph).grad[0];
}

export function backpropNumbers(inputs: BackpropInputs = BACKPROP_EXAMPLE): BackpropNumbers {
  const { x1, y, phi } = buildGraph(inputs);
  return {
    ...inputs,
    x1: x1.item(),
    y: y.item(),
    phi: phi.item(),
    dPhiDy: gradientOf(inputs, 'phi', (g) => g.y),
    dyDb: gradientOf(inputs, 'y', (g) => g.bNode),
    dyDx1: gradientOf(inputs, 'y', (g) => g.x1),
    dx1Da: gradientOf(inputs, 'x1', (g) => g.aNode),
    dx1Dx: gradientOf(inputs, 'x1', (g) => g.xNode),
    dPhiDb: gradientOf(inputs, 'phi', (g) => g.bNode),
    dPhiDa: gradientOf(inputs, 'phi', (g) => g.aNode),
  };
}
