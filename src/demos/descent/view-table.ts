import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { numberText } from '../../ui/number-text.ts';
import type { View } from '../../ui/view.ts';
import type { Iterate } from './model.ts';
import type { DescentText } from './strings.ts';

/** The latest iterates as a table (the key numbers as text); older rows are summarised in one line. */
const ROWS_SHOWN = 9;

export function createIterateTableView(text: (key: DescentText) => string): View<readonly Iterate[]> {
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'ds-table', 'data-testid': 'iterates' },
    el('caption', {}, text('tableCaption')),
    el('thead', {}, el('tr', {}, ...(['colK', 'colY', 'colSlope', 'colGap'] as const).map((key) => el('th', { scope: 'col' }, text(key))))),
    body,
  );
  // On a screen narrower than the numbers, the table scrolls on its own instead of being cut off.
  const element = el('div', { class: 'ds-table-wrap' }, table);
  return {
    element,
    update(iterates) {
      const hidden = Math.max(0, iterates.length - ROWS_SHOWN);
      const rows = iterates
        .slice(hidden)
        .map((it, i, shown) =>
          el(
            'tr',
            i === shown.length - 1 ? { class: 'current' } : {},
            el('th', { scope: 'row' }, String(it.k)),
            el('td', {}, numberText(it.y, 4)),
            el('td', {}, numberText(it.slope, 4)),
            el('td', {}, numberText(it.gap, 4)),
          ),
        );
      const note =
        hidden > 0 ? [el('tr', { class: 'ds-earlier' }, el('td', { colspan: '4' }, format(text('earlierRows'), { n: hidden })))] : [];
      body.replaceChildren(...note, ...rows);
    },
  };
}
