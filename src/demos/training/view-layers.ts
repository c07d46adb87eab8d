import { el } from '../../ui/dom.ts';
import { numberText } from '../../ui/number-text.ts';
import type { PlotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { createChartSlot } from './chart-slot.ts';
import { logDomain } from './nice.ts';

const MIN_DECADES = 4;

/** One value per layer, input layer first (a run's metrics fit as they are). */
export interface LayersModel {
  /** ‖∂L/∂W‖ now. */
  readonly gradNorms: Float64Array;
  /** ‖ΔW‖ of the last update. */
  readonly updateNorms: Float64Array;
  /** ‖∂L/∂W‖ at the initial weights. */
  readonly initialGradNorms: Float64Array;
}

/**
 * How the chart is drawn. 'page': every layer numbered, the 「最初」 line labelled `initialLabel` in the
 * plot, and the ‖ΔW‖ rings. 'slide' (a demo inside a slide): no rings, the 「最初」 line's key left to a
 * caption beside the chart, and two labels per axis (the top and bottom decades; `first` and `last`
 * under the two layers a run's verdict compares), in a viewBox about as wide as the slide's run column
 * so that its text is drawn at the size its CSS gives.
 */
export type LayersLayout =
  | { readonly kind: 'page'; readonly initialLabel: string }
  | { readonly kind: 'slide'; readonly initialLabel: string; readonly first: string; readonly last: string };

const SIZES = {
  page: { width: 320, height: 130, margin: { top: 8, right: 10, bottom: 24, left: 46 } },
  slide: { width: 240, height: 128, margin: { top: 14, right: 6, bottom: 34, left: 66 } },
} as const;

export type LayersView = View<LayersModel>;

interface Point {
  readonly l: number;
  readonly v: number;
  readonly y: number;
}

/**
 * Per-layer ‖∂L/∂W‖ (filled dots, run colour), ‖ΔW‖ of the last update (rings, on the page), and — faint
 * and dashed — ‖∂L/∂W‖ at the initial weights, so the profile the slides talk about stays on screen
 * while training moves the live one. On a log axis.
 */
export function createLayersView(title: string, color: string, layout: LayersLayout): LayersView {
  const element = el('div', { class: 'tr-chart', 'data-testid': 'layers' });
  const slot = createChartSlot(element);
  const onPage = layout.kind === 'page';
  return {
    element,
    update({ gradNorms, updateNorms, initialGradNorms }) {
      const layers = gradNorms.length;
      const y = logDomain([...gradNorms, ...(onPage ? updateNorms : []), ...initialGradNorms], MIN_DECADES);
      const { frame, fresh } = slot.frame({ ...SIZES[layout.kind], x: [0.5, layers + 0.5], y, yScale: 'log', yTicks: 'decades', title });
      if (fresh) addMarks(frame, layout, color, layers);
      const place = (values: Float64Array): Point[] =>
        Array.from(values, (v, l) => ({ l: l + 1, v, y: frame.y(Math.max(v, y[0])) })).filter((p) => Number.isFinite(p.v) && p.v > 0);
      const radius = layers > 25 ? 2.5 : 4;
      drawInitial(frame, place(initialGradNorms), layout.initialLabel);
      drawGradients(frame, place(gradNorms), radius);
      if (onPage) drawUpdates(frame, place(updateNorms), radius);
    },
  };
}

const linePath = (frame: PlotFrame, points: readonly Point[]) =>
  points.length ? `M${points.map((p) => `${frame.x(p.l)},${p.y}`).join('L')}` : '';

/**
 * A fresh frame's axis labels, then its marks back to front: the 「最初」 line (with its label on the
 * page), the live line, the rings (on the page), the dots.
 */
function addMarks(frame: PlotFrame, layout: LayersLayout, color: string, layers: number) {
  if (layout.kind === 'page') numberLayers(frame);
  else labelEnds(frame, layout, layers);
  frame.plot.append('path').attr('class', 'tr-initial-line').append('title');
  if (layout.kind === 'page') frame.plot.append('text').attr('class', 'tr-initial-label').attr('dy', '-0.45em').text(layout.initialLabel);
  frame.plot.append('path').attr('class', 'tr-grad-line').attr('stroke', color);
  if (layout.kind === 'page') frame.plot.append('g').attr('class', 'tr-updates');
  frame.plot.append('g').attr('class', 'tr-grads').attr('fill', color);
}

/** Every whole layer number under the x axis. */
function numberLayers(frame: PlotFrame) {
  frame.svg
    .selectAll<SVGTextElement, number>('.axis-x .tick text')
    .text((v) => (Number.isInteger(v) ? String(v) : ''))
    .attr('dy', '0.9em');
}

/** Large text leaves room for two labels per axis; the first and last layer's are set inside the plot's width. */
function labelEnds(frame: PlotFrame, ends: { first: string; last: string }, layers: number) {
  frame.svg.selectAll('.axis-x .tick text').text('');
  frame.svg
    .selectAll('.axis-y .tick text')
    .filter((_v, i, nodes) => i > 0 && i < nodes.length - 1)
    .text('');
  const under = (layer: number, text: string, anchor: 'start' | 'end') =>
    frame.plot
      .append('text')
      .attr('class', 'tr-layer-end')
      .attr('x', frame.x(layer))
      .attr('y', frame.innerHeight)
      .attr('dy', '1.05em')
      .attr('text-anchor', anchor)
      .text(text);
  under(1, ends.first, 'start');
  under(layers, ends.last, 'end');
}

/** The 「最初」 line; its label (on the page only) sits above the start of the line, at layer 1 (the end the slides point at). */
function drawInitial(frame: PlotFrame, initial: readonly Point[], initialLabel: string) {
  frame.plot
    .select('.tr-initial-line')
    .attr('d', linePath(frame, initial))
    .select('title')
    .text(`${initialLabel}: ${initial.map((p) => `${p.l}: ${numberText(p.v)}`).join(', ')}`);
  frame.plot
    .select('.tr-initial-label')
    .attr('x', initial.length ? frame.x(initial[0].l) + 4 : -999)
    .attr('y', initial.length ? initial[0].y : 0);
}

function drawGradients(frame: PlotFrame, grads: readonly Point[], radius: number) {
  frame.plot.select('.tr-grad-line').attr('d', linePath(frame, grads));
  frame.plot
    .select('.tr-grads')
    .selectAll('circle')
    .data(grads)
    .join('circle')
    .attr('cx', (p) => frame.x(p.l))
    .attr('cy', (p) => p.y)
    .attr('r', radius)
    .selectAll('title')
    .data((p) => [p])
    .join('title')
    .text((p) => `${p.l}: ${numberText(p.v)}`);
}

function drawUpdates(frame: PlotFrame, updates: readonly Point[], radius: number) {
  frame.plot
    .select('.tr-updates')
    .selectAll('circle')
    .data(updates)
    .join('circle')
    .attr('cx', (p) => frame.x(p.l))
    .attr('cy', (p) => p.y)
    .attr('r', radius + 1.5);
}
