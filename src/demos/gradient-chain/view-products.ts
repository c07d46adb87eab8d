import { ACTIVATIONS } from '../../nn/activations.ts';
import { el } from '../../ui/dom.ts';
import { fitTexToWidth, renderTex } from '../../ui/math.ts';
import { activationStyle } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { type GradientChain, TARGET } from './model.ts';
import { generalTex, type ProductForm, productTex } from './product-tex.ts';
import { pulseLayer } from './pulse.ts';
import { richText } from './rich-text.ts';
import type { GradientChainText } from './strings.ts';

/** Its model is the pulse's step: each row shows the product up to the layer it has reached. */
export interface ProductsView extends View<number> {
  readonly element: HTMLElement;
  /** One row per chain, in their order: in a slide each goes under its activation's plots (view-stage.ts), not in `element`. */
  readonly rows: readonly HTMLElement[];
  /** The form of every formula: `compact` where the columns stack (a phone), `full` beside each other, `slide` in a slide. */
  setForm(form: ProductForm): void;
}

/** Steps closer together than this (more than about 8 layers per second) count as a fast pulse. */
const FAST_STEP_MS = 120;
/**
 * Least time between two KaTeX renders during a fast pulse: about one frame in twenty, so the
 * frames that carry a formula stay out of the 95th percentile of frame times.
 */
const MIN_RENDER_INTERVAL_MS = 350;

/**
 * The slide's formula once, then one row of numbers per activation; in a slide (`embedded`) the
 * rows go under the plots and this panel keeps a short heading and the pulse's status. KaTeX (and
 * laying out its output) is the costly part of a step, so a row is re-rendered only when the pulse
 * has moved to a new layer, and rows take turns, at most one render per animation frame. At
 * presenter speed every row follows within a few frames; during a fast pulse a row waits
 * MIN_RENDER_INTERVAL_MS after the previous render, skipping intermediate formulas instead of
 * dropping frames. Once the pulse slows or stops, every row catches up with the current layer.
 */
export function createProductsView(
  chains: readonly GradientChain[],
  text: (key: GradientChainText) => string,
  status: HTMLElement,
  embedded: boolean,
): ProductsView {
  const general = el('div', { class: 'gc-general' });
  let form: ProductForm = 'full';
  renderTex(general, generalTex(form));
  const rows = chains.map((chain) => {
    const tex = el('div', { class: 'gc-tex' });
    const row = el(
      'div',
      { class: 'gc-product-row', 'data-activation': chain.activation },
      el(
        'span',
        { class: 'gc-product-name' },
        el('span', { class: 'swatch', style: `background:${activationStyle[chain.activation].color}` }),
        ACTIVATIONS[chain.activation].label,
      ),
      tex,
    );
    return { chain, tex, row, rendered: undefined as number | null | undefined, wanted: null as number | null };
  });
  const element = el(
    'section',
    { class: 'gc-products', 'aria-label': text('productsLabel'), 'data-form': form },
    el('div', { class: 'gc-products-head' }, el('h2', {}, text(embedded ? 'productsKey' : 'productsLabel')), general, status),
    ...(embedded ? [] : rows.map((r) => r.row)),
    el('p', { class: 'gc-caption' }, ...richText(text('caption'))),
  );

  const queue: typeof rows = [];
  let frame = 0;
  let lastRender = -Infinity;
  let lastShow = -Infinity;
  let stepGap = Infinity;
  const render = (row: (typeof rows)[number]) => {
    row.rendered = row.wanted;
    renderTex(row.tex, productTex(row.chain, row.wanted, TARGET, form));
    fitTexToWidth(row.tex);
  };
  const renderNext = (now: number) => {
    frame = 0;
    const fast = stepGap < FAST_STEP_MS && now - lastShow < FAST_STEP_MS;
    if (!fast || now - lastRender >= MIN_RENDER_INTERVAL_MS) {
      lastRender = now;
      render(queue.shift()!);
    }
    if (queue.length > 0) frame = requestAnimationFrame(renderNext);
  };
  const queueChanged = () => {
    for (const r of rows) if (r.wanted !== r.rendered && !queue.includes(r)) queue.push(r);
    if (queue.length > 0 && frame === 0) frame = requestAnimationFrame(renderNext);
  };
  return {
    element,
    rows: rows.map((r) => r.row),
    update(step) {
      const now = performance.now();
      stepGap = now - lastShow;
      lastShow = now;
      for (const r of rows) r.wanted = pulseLayer(r.chain.depth, step);
      queueChanged();
    },
    setForm(next) {
      if (next === form) return;
      form = next;
      element.dataset.form = form;
      renderTex(general, generalTex(form));
      for (const r of rows) r.rendered = undefined;
      queueChanged();
    },
  };
}
