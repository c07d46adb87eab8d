import { ACTIVATIONS } from '../../nn/activations.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { numberText } from '../../ui/number-text.ts';
import { activationStyle } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { type GradientChain, MAX_DERIVATIVE } from './model.ts';
import { pulseLayer } from './pulse.ts';
import type { GradientChainText } from './strings.ts';
import { type BarsView, createBarsView } from './view-bars.ts';
import { createDerivativeView, type DerivativeView } from './view-derivative.ts';

/** Width of the plots, and the height of each (curveHeight is ignored by a column without the A′ curve). */
export interface PlotSizes {
  readonly width: number;
  readonly barsHeight: number;
  readonly curveHeight: number;
}

/** Its model is the pulse's step; the chain it draws is fixed for its life. */
export interface ColumnView extends View<number> {
  readonly element: HTMLElement;
  /** Builds the plots at the given size (again after a resize). */
  drawPlots(size: PlotSizes): void;
  /** The boxes the page gives the plots: in a slide their heights come from the layout (gradient-chain.css). */
  plotBoxes(): PlotSizes;
}

export interface ColumnOptions {
  readonly chain: GradientChain;
  readonly domain: readonly [number, number];
  readonly halfWidth: number;
  readonly text: (key: GradientChainText) => string;
  readonly onPick: (layer: number) => void;
  /** In a slide (embed=1): the plots' slide look (fewer, larger labels). */
  readonly embedded: boolean;
  /** Whether the A′ curve is drawn under the bars (a slide with several activations has no room for it). */
  readonly withCurve: boolean;
  /** In a slide, this activation's product formula, under its plots; null on the full page. */
  readonly formula: HTMLElement | null;
}

/** One activation: heading, |∂Φ/∂b_k| bars, the A′ curve with each layer's factor, key numbers as text. */
export function createColumnView(options: ColumnOptions): ColumnView {
  const { chain, text, embedded } = options;
  const name = ACTIVATIONS[chain.activation].label;
  const color = activationStyle[chain.activation].color;
  const barsSlot = el('div', { class: 'gc-plot' });
  const curveSlot = el('div', { class: 'gc-plot' });
  const gradientLine = el('p', { class: 'gc-key', 'data-testid': `key-${chain.activation}` });
  const factorLine = el('p', { class: 'gc-key' });
  const zero = chain.float32Zero;
  // Red only where the gradient is lost; the good case reads as a plain statement.
  const zeroLine =
    zero === null
      ? el('p', { class: 'gc-key gc-key-nonzero' }, text('keyNoZero'))
      : el(
          'p',
          { class: 'gc-key gc-key-zero' },
          format(text(zero.kind === 'underflow' ? 'keyUnderflow' : 'keyExactZero'), { k: zero.layer }),
        );
  const element = el(
    'article',
    { class: `gc-column gc-${chain.activation}`, 'data-activation': chain.activation },
    el(
      'h2',
      {},
      el('span', { class: 'swatch', style: `background:${color}` }),
      name,
      el('span', { class: 'gc-axis-name' }, text('barsAxis')),
    ),
    barsSlot,
    ...(options.withCurve ? [curveSlot] : []),
    gradientLine,
    factorLine,
    zeroLine,
    ...(options.formula ? [options.formula] : []),
  );

  let bars: BarsView | null = null;
  let curve: DerivativeView | null = null;
  let shownStep = chain.depth;
  let shownLayer: number | null | undefined;

  const showText = (step: number) => {
    const layer = pulseLayer(chain.depth, step);
    if (layer === shownLayer) return;
    shownLayer = layer;
    if (layer === null) {
      gradientLine.textContent = format(text('keyOutput'), { g: numberText(chain.dPhiDy) });
      factorLine.textContent = '\u00a0';
      return;
    }
    gradientLine.textContent = format(text('keyLayer'), { k: layer, g: numberText(Math.abs(chain.gradients[layer - 1])) });
    factorLine.textContent = format(text('keyFactor'), {
      z: numberText(chain.z[layer - 1]),
      d: numberText(chain.derivatives[layer - 1]),
    });
  };

  return {
    element,
    drawPlots(size) {
      bars = createBarsView({
        chain,
        domain: options.domain,
        width: size.width,
        height: size.barsHeight,
        color,
        text: {
          title: format(text('barsTitle'), { name }),
          xLabel: text('barsXLabel'),
          ceiling: text('ceiling'),
          float32Min: text('float32Min'),
          float32Marker: text('float32Marker'),
          exactZeroMarker: text('exactZeroMarker'),
        },
        embedded,
        onPick: options.onPick,
      });
      barsSlot.replaceChildren(bars.element);
      bars.update(shownStep);
      if (!options.withCurve) return;
      curve = createDerivativeView({
        chain,
        maxDerivative: MAX_DERIVATIVE[chain.activation],
        halfWidth: options.halfWidth,
        width: size.width,
        height: size.curveHeight,
        color,
        title: format(text('curveTitle'), { name }),
        maxLabel: format(text('maxDerivative'), { v: MAX_DERIVATIVE[chain.activation] }),
        embedded,
      });
      curveSlot.replaceChildren(curve.element);
      curve.update(shownStep);
    },
    plotBoxes() {
      // Rounded down, so a plot is never drawn larger than its box, and scaled to fit, its labels never below their size.
      const bars = barsSlot.getBoundingClientRect();
      return {
        width: Math.floor(bars.width),
        barsHeight: Math.floor(bars.height),
        curveHeight: Math.floor(curveSlot.getBoundingClientRect().height),
      };
    },
    update(step) {
      shownStep = step;
      bars?.update(step);
      curve?.update(step);
      showText(step);
    },
  };
}
