import { el } from '../../ui/dom.ts';
import { renderTex, texNumber } from '../../ui/math.ts';
import { factorTex } from '../../ui/number-text.ts';
import type { View } from '../../ui/view.ts';
import type { DescentModel } from './model.ts';
import type { DescentText } from './strings.ts';

/**
 * The regime named in words (computed from α), the gap recurrence with its factor 1 − 2α,
 * and the next update with the engine's numbers: y_{k+1} = y_k − αΦ′(y_k) = 15 − 0.1 × 10 = 14.
 */
export function createSummaryView(text: (key: DescentText) => string): View<DescentModel> {
  const name = el('strong', { class: 'ds-regime-name', 'data-testid': 'regime' });
  const explain = el('span', { class: 'ds-regime-explain' });
  const recurrence = el('div', { class: 'ds-recurrence' });
  const nextStep = el('div', { class: 'ds-next', 'data-testid': 'next-step' });
  const element = el(
    'section',
    { class: 'ds-summary', 'aria-live': 'polite' },
    el('div', { class: 'ds-regime' }, el('span', { class: 'ds-regime-heading' }, text('regimeHeading')), name, explain),
    el('div', { class: 'ds-formulas' }, recurrence, nextStep),
  );
  return {
    element,
    update(model) {
      const { alpha } = model;
      name.textContent = text(`regime-${model.regime}`);
      explain.textContent = text(`explain-${model.regime}`);
      element.dataset.regime = model.regime;
      renderTex(recurrence, `y - t \\;\\leftarrow\\; (1 - 2\\alpha)(y - t) = ${factorTex(model.factor, 4)}\\,(y - t)`);
      const last = model.iterates[model.iterates.length - 1];
      const k = last.k;
      renderTex(
        nextStep,
        `y_{${k + 1}} = y_{${k}} - \\alpha\\,\\Phi'(y_{${k}}) = ${texNumber(last.y, 4)} - ${texNumber(alpha)} \\times ${factorTex(last.slope, 4)} = ${texNumber(model.next, 4)}`,
      );
    },
  };
}
