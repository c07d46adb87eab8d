import { extent } from 'd3-array';
import { ACTIVATIONS } from '../../nn/activations.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { renderTex } from '../../ui/math.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { linePlot } from './line-plot.ts';
import { LINEAR_WINDOW, type LinearNumbers } from './model-linear.ts';
import { lineTex, stackTex } from './stack-tex.ts';
import type { CompositionText } from './strings.ts';

/** Its element is an HTMLElement: the page hides it in the other mode. */
export interface LinearView extends View<LinearNumbers> {
  readonly element: HTMLElement;
}

/** A weight as printed: a real minus sign, all the digits the model uses (3 significant). */
const signed = (v: number) => String(v).replace('-', '\u2212');

function paddedExtent(values: Float64Array): [number, number] {
  const [low = 0, high = 0] = extent(values);
  const pad = high > low ? 0.08 * (high - low) : 1;
  return [low - pad, high + pad];
}

interface Panel {
  readonly element: HTMLElement;
  readonly heading: HTMLElement;
  readonly plot: HTMLElement;
  readonly verdict: HTMLElement;
  readonly formula: HTMLElement;
  /** The collapsed line W x + B (left panel only). */
  readonly result: HTMLElement;
}

function panel(): Panel {
  const heading = el('figcaption', {});
  const plot = el('div', { class: 'plot-holder' });
  const verdict = el('p', { class: 'verdict' });
  const formula = el('div', { class: 'tex-line stack-formula' });
  const result = el('div', { class: 'tex-line collapsed' });
  return {
    element: el('figure', { class: 'stack-panel' }, heading, plot, verdict, formula, result),
    heading,
    plot,
    verdict,
    formula,
    result,
  };
}

/** Two plots from the same weights: linear maps only (a line, collapsed to W x + B) and with an activation between. */
export function createLinearView(text: (key: CompositionText) => string): LinearView {
  const left = panel();
  const right = panel();
  const oneLayer = el('p', { class: 'one-layer-note' }, text('oneLayer'));
  const layers = el('table', { class: 'layers' });
  const element = el(
    'div',
    { class: 'linear-view' },
    el('div', { class: 'stack-pair' }, left.element, right.element),
    oneLayer,
    el('div', { class: 'layers-wrap' }, el('p', { class: 'mini-heading' }, text('layersCaption')), layers),
  );

  return {
    element,
    update(numbers) {
      const k = numbers.layers.length;
      const act = ACTIVATIONS[numbers.activation].label;
      const size = { width: 460, height: 300, x: [-LINEAR_WINDOW, LINEAR_WINDOW] as const };
      left.heading.textContent = format(text('linearOnly'), { k });
      left.plot.replaceChildren(
        linePlot([{ xs: numbers.xs, ys: numbers.linear, color: palette.ink, name: 'linear' }], {
          ...size,
          y: paddedExtent(numbers.linear),
          yLabel: 'y',
          title: format(text('linearPlot'), { k }),
        }),
      );
      left.verdict.textContent = text('collapsed');
      renderTex(left.formula, `y = ${stackTex(k, null)}`);
      renderTex(left.result, `= ${lineTex(numbers.collapsed.w, numbers.collapsed.b)}`);

      right.heading.textContent = format(text('withActivation'), { act });
      right.plot.replaceChildren(
        linePlot([{ xs: numbers.xs, ys: numbers.bent, color: activationStyle[numbers.activation].color, name: 'bent' }], {
          ...size,
          y: paddedExtent(numbers.bent),
          yLabel: 'y',
          title: format(text('bentPlot'), { k, act }),
        }),
      );
      right.verdict.textContent = k > 1 ? text('bent') : text('collapsed');
      renderTex(right.formula, `y = ${stackTex(k, ACTIVATIONS[numbers.activation].symbol)}`);
      oneLayer.hidden = k > 1;

      layers.replaceChildren(
        el('tr', {}, el('th', { scope: 'row' }, text('layer')), ...numbers.layers.map((_, i) => el('th', { scope: 'col' }, String(i + 1)))),
        el('tr', {}, el('th', { scope: 'row' }, 'w'), ...numbers.layers.map((l) => el('td', {}, signed(l.w)))),
        el('tr', {}, el('th', { scope: 'row' }, 'b'), ...numbers.layers.map((l) => el('td', {}, signed(l.b)))),
      );
    },
  };
}
