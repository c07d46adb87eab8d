import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { renderTex, texNumber } from '../../ui/math.ts';
import { palette } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { linePlot } from './line-plot.ts';
import { type ComposeNumbers, compositionTex, QUADRATICS } from './model-compose.ts';
import type { CompositionText } from './strings.ts';

/** The chain's numbers, the plotted window [−halfWidth, halfWidth], and whether y is on a log scale. */
export interface ComposeModel {
  readonly numbers: ComposeNumbers;
  readonly halfWidth: number;
  readonly log: boolean;
}

/** Its element is an HTMLElement: the page hides it in the other mode. */
export interface ComposeView extends View<ComposeModel> {
  readonly element: HTMLElement;
}

/** Short chains written out: f₁ itself, and the slide's worked example for k = 2. */
const EXPANDED: Readonly<Record<number, string>> = { 1: 'x^2 + 2', 2: '2(x^2+2)^2 - 3(x^2+2)' };

function yDomain(numbers: ComposeNumbers, log: boolean): [number, number] {
  const [low, high] = numbers.finiteExtent;
  if (!log) return [0, high * 1.08];
  const top = Math.ceil(Math.log10(high) + 1e-9);
  return [10 ** Math.floor(Math.log10(low)), 10 ** Math.max(top, Math.floor(Math.log10(low)) + 1)];
}

const valueTex = (x: string, v: number) => (v === Infinity ? `g(${x}) > 10^{308}` : `g(${x}) = ${texNumber(v, 4)}`);

/** f₁, f₂, the chain g = f_2(f_1(…)), its degree 2ᵏ in large type, and the curve of g. */
export function createComposeView(text: (key: CompositionText) => string): ComposeView {
  // Each definition is one unbreakable unit, so a phone wraps between them, not inside one.
  const definitions = el(
    'div',
    { class: 'tex-line definitions' },
    ...QUADRATICS.map((q) => {
      const span = el('span', {});
      renderTex(span, q.tex);
      return span;
    }),
  );
  const chainLabel = el('p', { class: 'mini-heading' });
  const chain = el('div', { class: 'tex-line' });
  const degree = el('div', { class: 'degree-value', 'data-testid': 'degree' });
  const holder = el('figure', { class: 'compose-plot' });
  const values = el('div', { class: 'tex-line values' });
  const overflow = el('p', { class: 'overflow-note' });
  const element = el(
    'div',
    { class: 'compose-view' },
    el(
      'div',
      { class: 'compose-info' },
      el('div', {}, el('p', { class: 'mini-heading' }, text('definitions')), definitions, chainLabel, chain),
      el('div', { class: 'degree-box' }, el('p', { class: 'mini-heading' }, text('degree')), degree),
    ),
    holder,
    values,
    overflow,
  );

  return {
    element,
    update({ numbers, halfWidth, log }) {
      const { k } = numbers;
      chainLabel.textContent = format(text('chain'), { k });
      renderTex(chain, `g(x) = ${compositionTex(k)}${EXPANDED[k] ? ` = ${EXPANDED[k]}` : ''}`);
      renderTex(degree, `2^{${k}} = ${numbers.degree}`, true);
      degree.setAttribute('aria-label', `${text('degree')} 2^${k} = ${numbers.degree}`);
      const title = format(text('composePlot'), { k, scale: text(log ? 'logNote' : 'linearNote') });
      // A phone gets a squarer viewBox, so that tick labels stay readable at its width.
      const phone = matchMedia('(max-width: 760px)').matches;
      holder.replaceChildren(
        linePlot([{ xs: numbers.xs, ys: numbers.ys, color: palette.primary, name: 'g' }], {
          width: phone ? 480 : 900,
          height: phone ? 340 : 380,
          x: [-halfWidth, halfWidth],
          y: yDomain(numbers, log),
          log,
          title,
          yLabel: 'g(x)',
          overflowLabel: text('overflow'),
        }),
      );
      const edge = String(halfWidth);
      renderTex(values, `${valueTex('0', numbers.atZero)},\\qquad ${valueTex(edge, numbers.atEdge)}`);
      overflow.textContent = numbers.overflowCount > 0 ? format(text('overflowCount'), { n: numbers.overflowCount }) : '';
    },
  };
}
