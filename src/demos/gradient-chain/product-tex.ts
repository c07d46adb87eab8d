import { texNumber } from '../../ui/math.ts';
import type { GradientChain } from './model.ts';

/** Background of the factor just multiplied in (dark text on it stays above WCAG AA). */
export const HIGHLIGHT = '#fde68a';

/**
 * `full`: every factor labelled underneath (\underset), on one unbreakable line, for a wide row.
 * `compact`: for a phone: no labels (they would be script-size, their subscripts tinier still),
 * ∂Φ/∂· written with a slash, the A′ factors cut to the newest and the last, and free to wrap
 * after = and ·, so that the formula fits its row at full size.
 * `slide`: the compact formula for a slide's box, where it is too wide for one line at the slide's
 * type size: the value on a second line under the factors (aligned at =), so it never breaks elsewhere.
 */
export type ProductForm = 'full' | 'compact' | 'slide';

/** More A′ factors than `listed` are shown as the first `head` of them, ⋯, and the last. */
const ELISION: Readonly<Record<ProductForm, { listed: number; head: number }>> = {
  full: { listed: 5, head: 3 },
  compact: { listed: 2, head: 1 },
  slide: { listed: 2, head: 1 },
};

function factor(value: number): string {
  const tex = texNumber(value);
  return value < 0 ? `(${tex})` : tex;
}

function highlighted(tex: string): string {
  return `\\colorbox{${HIGHLIGHT}}{$${tex}$}`;
}

/** A′_k A′_{k+1} ⋯ A′_n in the slide's ascending order; A′_k, the newest factor, is highlighted. */
function derivativeList(chain: GradientChain, layer: number, form: ProductForm): string {
  const items: string[] = [];
  for (let j = layer; j <= chain.depth; j++) items.push(factor(chain.derivatives[j - 1]));
  items[0] = highlighted(items[0]);
  const { listed, head } = ELISION[form];
  if (items.length <= listed) return items.join(' \\cdot ');
  return `${items.slice(0, head).join(' \\cdot ')} \\cdots ${items[items.length - 1]}`;
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

/** ∂Φ/∂`of`: a fraction in the full form, with a slash in the others (a fraction's subscripts are smaller). */
function partial(of: string, form: ProductForm): string {
  return form === 'full' ? `\\frac{\\partial \\Phi}{\\partial ${of}}` : `\\partial \\Phi / \\partial ${of}`;
}

/** `left` = `factors` = `value`; in the slide form the value on a second line, aligned at its =. */
function equation(left: string, factors: string, value: string, form: ProductForm): string {
  if (form === 'slide') return `\\begin{aligned}${left} &= ${factors} \\\\ &= ${value}\\end{aligned}`;
  return `${left} = ${factors} = ${value}`;
}

/**
 * The running product at the pulse's layer, in the slides' notation (z_k = w_k x_{k−1} + b_k):
 *   ∂Φ/∂b_k = ∂Φ/∂y · w_{k+1}⋯w_n · A′_k A′_{k+1}⋯A′_n = value.
 * `layer` null: the pulse is still at the output, only ∂Φ/∂y = 2(y − t) is known.
 * The value on the right is the engine's gradient, not this display's rounded factors.
 * Labels sit under the numbers with \underset: \underbrace draws stretchy SVG and costs
 * several times more layout per step.
 */
export function productTex(chain: GradientChain, layer: number | null, target: number, form: ProductForm = 'full'): string {
  const dPhiDy = texNumber(chain.dPhiDy);
  if (layer === null) {
    return equation(partial('y', form), `2(y - t) = 2(${texNumber(chain.y)} - ${target})`, dPhiDy, form);
  }
  const n = chain.depth;
  const label = (under: string, value: string) => (form === 'full' ? `\\underset{${under}}{${value}}` : value);
  const parts = [label('\\partial \\Phi / \\partial y', factor(chain.dPhiDy))];
  if (layer < n) parts.push(label(range('w', layer + 1, n), factor(productOfWeights(chain, layer))));
  const derivatives = `${range("A'", layer, n)} = ${texNumber(productOfDerivatives(chain, layer))}`;
  parts.push(label(derivatives, derivativeList(chain, layer, form)));
  const product = equation(partial(`b_{${layer}}`, form), parts.join(' \\cdot '), texNumber(chain.gradients[layer - 1]), form);
  // Full: braced as one group so that KaTeX never breaks it (a wide row shrinks it to fit instead).
  return form === 'full' ? `{${product}}` : product;
}

/** The general formula, once, above the numbers. */
export function generalTex(form: ProductForm): string {
  const dPhiDy = form === 'full' ? `\\frac{\\partial \\Phi}{\\partial y}\\;` : '\\partial \\Phi / \\partial y \\cdot';
  const dot = form === 'full' ? '\\;' : '\\cdot';
  return `${partial('b_k', form)} = ${dPhiDy} w_{k+1}\\cdots w_n ${dot} A'_k\\,A'_{k+1}\\cdots A'_n`;
}
