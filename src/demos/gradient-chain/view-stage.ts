import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import type { View } from '../../ui/view.ts';
import type { GradientChain } from './model.ts';
import { pulseLayer } from './pulse.ts';
import type { GradientChainText } from './strings.ts';
import { type ColumnView, createColumnView, type PlotSizes } from './view-column.ts';
import { createProductsView, type ProductsView } from './view-products.ts';

/** The numbers of one setting of the chain; computed once per change of the settings, not per frame. */
export interface ChainsModel {
  readonly chains: readonly GradientChain[];
  readonly domain: readonly [number, number];
  readonly halfWidth: number;
}

/**
 * New numbers (another `chains` array) rebuild the columns and the formula rows; the same numbers
 * with another `step` only move the pulse: attribute and text updates, cheap enough for every frame.
 */
export type StageView = View<ChainsModel & { readonly step: number }>;

/** Side by side from this width on; below it the columns stack (phones). */
const WIDE_LAYOUT = 700;
const NARROW_PLOTS = { barsHeight: 230, curveHeight: 160 };
/** Below this the page scrolls rather than squeezing the plots (e.g. while the URL notice is shown). */
const MIN_CHARTS_HEIGHT = 200;
/** Share of the column's chart height given to the bars (the rest: the A′ curve). */
const BARS_SHARE = 0.6;

/**
 * `embedded`: in a slide (embed=1) the box decides the heights (gradient-chain.css): each activation
 * has its product under its bars, the A′ curve only for a single activation, and the plots are
 * drawn at the size of their boxes, so their 22 px labels stay 22 px on screen.
 */
export function createStageView(
  stage: HTMLElement,
  text: (key: GradientChainText) => string,
  onPick: (layer: number) => void,
  embedded: boolean,
): StageView {
  const status = el('p', { class: 'gc-status', 'data-testid': 'pulse-status' });
  const columnsEl = el('div', { class: 'gc-columns' });
  const productsSlot = el('div', { class: 'gc-products-slot' });
  stage.classList.add('gc-stage');
  stage.replaceChildren(columnsEl, productsSlot);

  let columns: ColumnView[] = [];
  let products: ProductsView | null = null;
  let depth = 1;
  let drawnFor = '';
  let drawnChains: ChainsModel['chains'] | null = null;

  const layoutForSlide = () => {
    products?.setForm('slide');
    const sizes = columns.map((c) => c.plotBoxes());
    // A box not laid out yet (a hidden frame): drawn when it is, as the ResizeObserver then calls again.
    if (sizes.some((size) => size.width === 0 || size.barsHeight === 0)) return;
    const key = JSON.stringify(sizes);
    if (key === drawnFor) return;
    columns.forEach((c, i) => {
      c.drawPlots(sizes[i]);
    });
    drawnFor = key;
  };

  const layoutPlots = () => {
    if (columns.length === 0) return;
    if (embedded) return layoutForSlide();
    const wide = columnsEl.clientWidth >= WIDE_LAYOUT;
    products?.setForm(wide ? 'full' : 'compact');
    const key = wide ? `${columnsEl.clientWidth}x${columnsEl.clientHeight}` : `${columnsEl.clientWidth}`;
    if (key === drawnFor) return;
    columns.forEach((c) => {
      c.element.querySelectorAll('.gc-plot').forEach((slot) => {
        slot.replaceChildren();
      });
    });
    const width = Math.floor(columns[0].element.clientWidth);
    let size: PlotSizes = { width, ...NARROW_PLOTS };
    if (wide) {
      const chrome = Math.max(...columns.map((c) => c.element.offsetHeight));
      const charts = Math.max(MIN_CHARTS_HEIGHT, columnsEl.clientHeight - chrome - 4);
      const barsHeight = Math.round(charts * BARS_SHARE);
      size = { width, barsHeight, curveHeight: charts - barsHeight };
    }
    columns.forEach((c) => {
      c.drawPlots(size);
    });
    drawnFor = wide ? key : `${columnsEl.clientWidth}`;
  };

  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(layoutPlots);
  }).observe(columnsEl);

  const show = (step: number) => {
    const layer = pulseLayer(depth, step);
    status.textContent = layer === null ? text('statusOutput') : format(text('statusLayer'), { k: layer, s: step, n: depth });
    columns.forEach((c) => {
      c.update(step);
    });
    products?.update(step);
  };

  const rebuild = (model: ChainsModel) => {
    drawnChains = model.chains;
    depth = model.chains[0]?.depth ?? 1;
    products = createProductsView(model.chains, text, status, embedded);
    const formulas = products.rows;
    const withCurve = !embedded || model.chains.length === 1;
    columns = model.chains.map((chain, i) =>
      createColumnView({
        chain,
        domain: model.domain,
        halfWidth: model.halfWidth,
        text,
        onPick,
        embedded,
        withCurve,
        formula: embedded ? formulas[i] : null,
      }),
    );
    columnsEl.style.setProperty('--gc-count', String(Math.max(1, columns.length)));
    columnsEl.replaceChildren(...columns.map((c) => c.element));
    productsSlot.replaceChildren(products.element);
    drawnFor = '';
  };

  return {
    element: stage,
    update(model) {
      const fresh = model.chains !== drawnChains;
      if (fresh) rebuild(model);
      show(model.step);
      if (fresh) layoutPlots();
    },
  };
}
