import { el } from '../../ui/dom.ts';
import { numberText } from '../../ui/number-text.ts';
import type { View } from '../../ui/view.ts';
import { createChartSlot } from './chart-slot.ts';
import { logDomain } from './nice.ts';

const WIDTH = 320;
const HEIGHT = 130;
const MARGIN = { top: 8, right: 10, bottom: 24, left: 46 };
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

export type LayersView = View<LayersModel>;

/**
 * Per-layer ‖∂L/∂W‖ (filled dots, run colour), ‖ΔW‖ of the last update (rings), and — faint and
 * dashed, labelled `initialLabel` — ‖∂L/∂W‖ at the initial weights, so the profile the slides talk
 * about stays on screen while training moves the live one. On a log axis.
 */
export function createLayersView(title: string, color: string, initialLabel: string): LayersView {
  const element = el('div', { class: 'tr-chart', 'data-testid': 'layers' });
  const slot = createChartSlot(element);
  return {
    element,
    update({ gradNorms, updateNorms, initialGradNorms }) {
      const layers = gradNorms.length;
      const y = logDomain([...gradNorms, ...updateNorms, ...initialGradNorms], MIN_DECADES);
      const { frame, fresh } = slot.frame({
        width: WIDTH,
        height: HEIGHT,
        x: [0.5, layers + 0.5],
        y,
        yScale: 'log',
        yTicks: 'decades',
        title,
        margin: MARGIN,
      });
      if (fresh) {
        frame.svg
          .selectAll<SVGTextElement, number>('.axis-x .tick text')
          .text((v) => (Number.isInteger(v) ? String(v) : ''))
          .attr('dy', '0.9em');
        frame.plot.append('path').attr('class', 'tr-initial-line').append('title');
        frame.plot.append('text').attr('class', 'tr-initial-label').attr('dy', '-0.45em').text(initialLabel);
        frame.plot.append('path').attr('class', 'tr-grad-line').attr('stroke', color);
        frame.plot.append('g').attr('class', 'tr-updates');
        frame.plot.append('g').attr('class', 'tr-grads').attr('fill', color);
      }
      const place = (values: Float64Array) =>
        Array.from(values, (v, l) => ({ l: l + 1, v, y: frame.y(Math.max(v, y[0])) })).filter((p) => Number.isFinite(p.v) && p.v > 0);
      const path = (points: { l: number; y: number }[]) =>
        points.length ? `M${points.map((p) => `${frame.x(p.l)},${p.y}`).join('L')}` : '';
      const initial = place(initialGradNorms);
      frame.plot
        .select('.tr-initial-line')
        .attr('d', path(initial))
        .select('title')
        .text(`${initialLabel}: ${initial.map((p) => `${p.l}: ${numberText(p.v)}`).join(', ')}`);
      // The label sits above the start of the line, at layer 1 (the end the slides point at).
      frame.plot
        .select('.tr-initial-label')
        .attr('x', initial.length ? frame.x(initial[0].l) + 4 : -999)
        .attr('y', initial.length ? initial[0].y : 0);
      const grads = place(gradNorms);
      const radius = layers > 25 ? 2.5 : 4;
      frame.plot.select('.tr-grad-line').attr('d', path(grads));
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
      frame.plot
        .select('.tr-updates')
        .selectAll('circle')
        .data(place(updateNorms))
        .join('circle')
        .attr('cx', (p) => frame.x(p.l))
        .attr('cy', (p) => p.y)
        .attr('r', radius + 1.5);
    },
  };
}
