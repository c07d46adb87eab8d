import { el } from '../../ui/dom.ts';
import { renderTex } from '../../ui/math.ts';
import { TARGET, type GradientChain } from './model.ts';
import { GENERAL_TEX, productTex } from './product-tex.ts';
import { pulseLayer } from './pulse.ts';
import { richText } from './rich-text.ts';
import type { GradientChainText } from './strings.ts';
import { ACTIVATION_COLORS } from './styles.ts';

export interface ProductsView {
  readonly element: HTMLElement;
  show(step: number): void;
}

/** Least time between two KaTeX renders while the pulse runs fast (a step by hand is slower than this). */
const MIN_RENDER_INTERVAL_MS = 100;

/**
 * The slide's formula once, then one row of numbers per activation. KaTeX (and laying out its
 * output) is the costly part of a step, so a row is re-rendered only when the pulse has moved to
 * a new layer, at most one row per animation frame (rows take turns), and at most one render per
 * MIN_RENDER_INTERVAL_MS: a fast pulse at depth 100 skips intermediate formulas instead of
 * dropping frames, and every row always ends on the current layer.
 */
export function productsView(chains: readonly GradientChain[], text: (key: GradientChainText) => string, status: HTMLElement): ProductsView {
  const general = el('div', { class: 'gc-general' });
  renderTex(general, GENERAL_TEX);
  const rows = chains.map((chain) => {
    const tex = el('div', { class: 'gc-tex' });
    const row = el('div', { class: 'gc-product-row', 'data-activation': chain.activation },
      el('span', { class: 'gc-product-name' },
        el('span', { class: 'swatch', style: `background:${ACTIVATION_COLORS[chain.activation]}` }),
        text(`name_${chain.activation}`)),
      tex);
    return { chain, tex, row, rendered: undefined as number | null | undefined, wanted: null as number | null };
  });
  const element = el('section', { class: 'gc-products', 'aria-label': text('productsLabel') },
    el('div', { class: 'gc-products-head' }, el('h2', {}, text('productsLabel')), general, status),
    ...rows.map((r) => r.row),
    el('p', { class: 'gc-caption' }, ...richText(text('caption'))));

  const queue: typeof rows = [];
  let frame = 0;
  let lastRender = -Infinity;
  const renderNext = (now: number) => {
    frame = 0;
    if (now - lastRender < MIN_RENDER_INTERVAL_MS) {
      frame = requestAnimationFrame(renderNext);
      return;
    }
    const row = queue.shift();
    if (!row) return;
    lastRender = now;
    row.rendered = row.wanted;
    renderTex(row.tex, productTex(row.chain, row.wanted, TARGET));
    if (queue.length > 0) frame = requestAnimationFrame(renderNext);
  };
  return {
    element,
    show(step) {
      for (const r of rows) {
        r.wanted = pulseLayer(r.chain.depth, step);
        if (r.wanted !== r.rendered && !queue.includes(r)) queue.push(r);
      }
      if (queue.length > 0 && frame === 0) frame = requestAnimationFrame(renderNext);
    },
  };
}
