import { el } from '../../ui/dom.ts';
import { fitTexToWidth, renderTex, texNumber } from '../../ui/math.ts';
import { factorTex, superscript } from '../../ui/number-text.ts';
import type { View } from '../../ui/view.ts';
import { LOSS_EXPONENT, type ParameterName } from './expression.ts';
import type { BackpropModel } from './model.ts';
import type { Focus } from './schema.ts';
import type { BackpropText } from './strings.ts';

/**
 * The slides' chain rule for b and a, first in symbols, then with the engine's numbers
 * substituted once the backward pass has reached that parameter, and beside it the
 * central-difference slope from the forward function alone; at the update step, the new values.
 */
const SYMBOLIC: Readonly<Record<ParameterName, string>> = {
  b: `\\frac{\\partial \\Phi}{\\partial b} = \\frac{\\partial \\Phi}{\\partial y}\\frac{\\partial y}{\\partial b} = ${LOSS_EXPONENT}(y-t)\\cdot x_1`,
  a: `\\frac{\\partial \\Phi}{\\partial a} = \\frac{\\partial \\Phi}{\\partial y}\\frac{\\partial y}{\\partial x_1}\\frac{\\partial x_1}{\\partial a} = ${LOSS_EXPONENT}(y-t)\\cdot b\\cdot x`,
};

/** Past this size (or at ∞) the substituted numbers would fill the panel, so only the result is shown. */
const SUBSTITUTE_LIMIT = 1e5;
const DIGITS = 4;

const substitutable = (values: readonly number[]) => values.every((v) => Math.abs(v) < SUBSTITUTE_LIMIT);

function substituted(model: BackpropModel, p: ParameterName): string {
  const v = (key: keyof BackpropModel['node']) => model.graph.nodes[model.node[key]].value;
  const factors = p === 'b' ? [v('x1')] : [v('b'), v('x')];
  const result = texNumber(model.gradient[p], DIGITS);
  if (!substitutable([v('y'), v('t'), ...factors, model.gradient[p]])) return `= ${result}`;
  const residual = `${LOSS_EXPONENT}(${texNumber(v('y'), DIGITS)} - ${factorTex(v('t'), DIGITS)})`;
  return `= ${[residual, ...factors.map((f) => factorTex(f, DIGITS))].join('\\cdot ')} = ${result}`;
}

function updateTex(model: BackpropModel, p: ParameterName, alpha: number): string {
  const symbolic = `${p}_{\\text{new}} = ${p} - \\alpha_${p}\\frac{\\partial \\Phi}{\\partial ${p}}`;
  const result = texNumber(model.updated[p], DIGITS);
  if (!substitutable([model.inputs[p], model.gradient[p], model.updated[p]])) return `${symbolic} = ${result}`;
  return `${symbolic} = ${texNumber(model.inputs[p], DIGITS)} - ${texNumber(alpha)} \\times ${factorTex(model.gradient[p], DIGITS)} = ${result}`;
}

interface Row {
  readonly element: HTMLElement;
  readonly symbolic: HTMLElement;
  readonly numeric: HTMLElement;
  readonly check: HTMLElement;
  readonly update: HTMLElement;
}

/** The step to show, each parameter's learning rate, and the parameter in focus (its row is marked). */
export interface ChainModel {
  readonly model: BackpropModel;
  readonly alpha: Readonly<Record<ParameterName, number>>;
  readonly focus: Focus;
}

export type ChainView = View<ChainModel>;

export function createChainView(text: (key: BackpropText) => string): ChainView {
  const rows = {} as Record<ParameterName, Row>;
  for (const p of ['b', 'a'] as const) {
    const symbolic = el('span', { class: 'bp-symbolic' });
    const numeric = el('span', { class: 'bp-numeric', 'data-testid': `grad-${p}` });
    const check = el('span', { class: 'bp-check', 'data-testid': `fd-${p}` });
    const update = el('div', { class: 'bp-update', 'data-testid': `update-${p}` });
    renderTex(symbolic, SYMBOLIC[p]);
    const element = el('div', { class: 'bp-chain-row' }, el('div', { class: 'bp-chain-math' }, symbolic, numeric), check, update);
    rows[p] = { element, symbolic, numeric, check, update };
  }
  const element = el(
    'section',
    { class: 'bp-chain', 'aria-label': text('chainHeading') },
    el('h2', {}, text('chainHeading')),
    rows.b.element,
    rows.a.element,
  );

  return {
    element,
    update({ model, alpha, focus }) {
      for (const p of ['b', 'a'] as const) {
        const row = rows[p];
        const known = model.reveal.gradShown[model.node[p]];
        row.element.classList.toggle('bp-focus', focus === p);
        if (known) renderTex(row.numeric, substituted(model, p));
        else row.numeric.textContent = text('unknown');
        row.check.textContent = known ? `${text('finiteDifference')} ${fdText(model.finiteDifference[p])}` : '';
        if (model.reveal.phase === 'update') {
          renderTex(row.update, updateTex(model, p, alpha[p]));
          // Kept to one line where the page is wide (CSS), shrunk a little rather than wrapped.
          fitTexToWidth(row.update);
        } else row.update.replaceChildren();
      }
    },
  };
}

/**
 * Seven significant digits with trailing zeros kept, so agreement and rounding are both visible;
 * a tiny or huge slope as ×10ⁿ like every other number (not JavaScript's 7.876453e-14).
 */
function fdText(value: number): string {
  const [mantissa, exponent] = value.toPrecision(7).split('e');
  return (exponent === undefined ? mantissa : `${mantissa}×10${superscript(Number(exponent))}`).replace('-', '−');
}
