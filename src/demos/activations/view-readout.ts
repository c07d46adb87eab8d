import { ACTIVATIONS } from '../../nn/activations.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { renderTex } from '../../ui/math.ts';
import { activationStyle } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { maximumWhere } from './describe-maximum.ts';
import type { ActivationCurve, ExplorerNumbers } from './model.ts';
import { fixedText, readoutNumber, shortReadoutNumber } from './readout-number.ts';
import type { ActivationsText } from './strings.ts';

export type ReadoutView = View<ExplorerNumbers>;

/** The maximum of f′ on one line, where it is reached (a point or a plateau) on the next. */
function maximumCell(cell: HTMLElement, curve: ActivationCurve): void {
  cell.replaceChildren(shortReadoutNumber(curve.maximum.value), el('span', { class: 'where' }, maximumWhere(curve.maximum)));
}

function formulaCell(curve: ActivationCurve): HTMLElement {
  const f = el('div', { class: 'formula' });
  const df = el('div', { class: 'formula' });
  renderTex(f, ACTIVATIONS[curve.name].formula);
  renderTex(df, ACTIVATIONS[curve.name].derivative);
  return el('td', { class: 'formulas' }, f, df);
}

/**
 * The numbers at the crosshair as text (large), with each function's f′ maximum and its
 * formula and derivative in KaTeX from the activation table.
 */
export function createReadoutView(text: (key: ActivationsText) => string): ReadoutView {
  const caption = el('caption', {});
  const body = el('tbody', {});
  const empty = el('p', { class: 'empty-note', hidden: '' }, text('noneShown'));
  const table = el(
    'table',
    { class: 'readout', 'data-testid': 'readout' },
    caption,
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, text('columnFunction')),
        el('th', { scope: 'col' }, 'f(x)'),
        el('th', { scope: 'col' }, 'f′(x)'),
        el('th', { scope: 'col' }, text('columnMax')),
        el('th', { scope: 'col' }, text('columnFormula')),
      ),
    ),
    body,
  );
  let drawnNames = '';
  let cells: { y: HTMLElement; dy: HTMLElement; max: HTMLElement }[] = [];

  const rebuild = (curves: readonly ActivationCurve[]) => {
    cells = curves.map(() => ({ y: el('td', { class: 'num' }), dy: el('td', { class: 'num' }), max: el('td', { class: 'num' }) }));
    body.replaceChildren(
      ...curves.map((curve, i) =>
        el(
          'tr',
          { 'data-name': curve.name },
          el(
            'th',
            { scope: 'row' },
            el('span', { class: 'swatch', style: `background:${activationStyle[curve.name].color}` }),
            ACTIVATIONS[curve.name].label,
          ),
          cells[i].y,
          cells[i].dy,
          cells[i].max,
          formulaCell(curve),
        ),
      ),
    );
  };

  return {
    element: el('div', { class: 'readout-wrap' }, table, empty),
    update(numbers) {
      const names = numbers.curves.map((c) => c.name).join(',');
      if (names !== drawnNames) {
        rebuild(numbers.curves);
        drawnNames = names;
      }
      empty.hidden = numbers.curves.length > 0;
      table.hidden = numbers.curves.length === 0;
      caption.textContent = format(text('readoutTitle'), { x: fixedText(numbers.crosshair, 2) });
      numbers.curves.forEach((curve, i) => {
        cells[i].y.textContent = readoutNumber(curve.atCrosshair.y);
        cells[i].dy.textContent = readoutNumber(curve.atCrosshair.dy);
        maximumCell(cells[i].max, curve);
      });
    },
  };
}
