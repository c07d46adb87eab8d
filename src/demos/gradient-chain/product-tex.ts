import { texNumber } from '../../ui/math.ts';
import type { GradientChain } from './model.ts';

/** Background of the factor just multiplied in (dark text on it stays above WCAG AA). */
export const HIGHLIGHT = '#fde68a';
/** More A′ factors than this are shown with ⋯ in the middle. */
const MAX_LISTED = 5;

function factor(value: number): string {
  const tex = texNumber(value);
  return value < 0 ? `(${tex})` : tex;
}

function highlighted(tex: string): string {
  return `\\colorbox{${HIGHLIGHT}}{$${tex}$}`;
}

/** A′_k A′_{k+1} ⋯ A′_n in the slide's ascending order; A′_k, the newest factor, is highlighted. */
function derivativeList(chain: GradientChain, layer: number): string {
  const items: string[] = [];
  for (let j = layer; j <= chain.depth; j++) items.push(factor(chain.derivatives[j - 1]));
  items[0] = highlighted(items[0]);
  if (items.length <= MAX_LISTED) return items.join(' \\cdot ');
  return `${items.slice(0, 3).join(' \\cdot ')} \\cdots ${items[items.length - 1]}`;
}

function productOfWeights(chain: GradientChain, layer: number): number {
  let product = 1;
  for (let j = layer + 1; j <= chain.depth; j++) product *= chain.weights[j - 1];
  return product;
}

/** Only for the label under the A′ factors; the gradient itself comes from the engine. */
function productOfDerivatives(chain: GradientChain, layer: number): number {
  let product = 1;
  for (let j = layer; j <= chain.depth; j++) product *= chain.derivatives[j - 1];
  return product;
}

function range(symbol: string, from: number, to: number): string {
  if (from === to) return `${symbol}_{${from}}`;
  if (to === from + 1) return `${symbol}_{${from}}${symbol}_{${to}}`;
  return `${symbol}_{${from}}\\cdots ${symbol}_{${to}}`;
}

/**
 * The running product at the pulse's layer, in slide 19's notation:
 *   ∂Φ/∂a_k = ∂Φ/∂y · w_{k+1}⋯w_n · A′_k A′_{k+1}⋯A′_n = value.
 * `layer` null: the pulse is still at the output, only ∂Φ/∂y = 2(y − t) is known.
 * The value on the right is the engine's gradient, not this display's rounded factors.
 * Labels sit under the numbers with \underset: \underbrace draws stretchy SVG and costs
 * several times more layout per step.
 */
export function productTex(chain: GradientChain, layer: number | null, target: number): string {
  const dPhiDy = texNumber(chain.dPhiDy);
  if (layer === null) {
    return `\\frac{\\partial \\Phi}{\\partial y} = 2(y - t) = 2(${texNumber(chain.y)} - ${target}) = ${dPhiDy}`;
  }
  const n = chain.depth;
  const parts = [`\\underset{\\partial \\Phi / \\partial y}{${factor(chain.dPhiDy)}}`];
  if (layer < n) parts.push(`\\underset{${range('w', layer + 1, n)}}{${factor(productOfWeights(chain, layer))}}`);
  const derivatives = `${range("A'", layer, n)} = ${texNumber(productOfDerivatives(chain, layer))}`;
  parts.push(`\\underset{${derivatives}}{${derivativeList(chain, layer)}}`);
  // Braced as one group so that KaTeX never breaks the product across lines (narrow screens scroll it).
  return `{\\frac{\\partial \\Phi}{\\partial a_{${layer}}} = ${parts.join(' \\cdot ')} = ${texNumber(chain.gradients[layer - 1])}}`;
}

/** The general formula, once, above the numbers. */
export const GENERAL_TEX =
  "\\frac{\\partial \\Phi}{\\partial a_k} = \\frac{\\partial \\Phi}{\\partial y}\\; w_{k+1}\\cdots w_n\\; A'_k\\,A'_{k+1}\\cdots A'_n";
