import { line } from 'd3-shape';
import { el } from '../../ui/dom.ts';
import { powerOfTen } from '../../ui/log-axis.ts';
import { palette } from '../../ui/palette.ts';
import { plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import type { IterationRecord } from './iterations.ts';

/*
 * Φ after each update on a log scale, so steady convergence is a straight line down
 * and divergence a line up. The model hands over finite values only (a diverging run ends
 * at its last sensible update); a run that diverges next has its last point in the alarm colour.
 */
const WIDTH = 400;
const HEIGHT = 176;
const MIN_UPDATES_SHOWN = 10;
const FLOOR = 1e-30;

export interface HistoryText {
  readonly title: string;
  readonly xLabel: string;
}

/** Φ after each update so far, and whether the next update would diverge. */
export interface HistoryModel {
  readonly history: readonly IterationRecord[];
  readonly diverges: boolean;
}

export type HistoryView = View<HistoryModel>;

/** A box holding the plot, drawn anew on each update. */
export function createHistoryView(text: HistoryText): HistoryView {
  const element = el('div', { class: 'bp-history', 'data-testid': 'history' });
  return {
    element,
    update(model) {
      element.replaceChildren(historyPlot(model, text));
    },
  };
}

function historyPlot({ history, diverges }: HistoryModel, text: HistoryText): SVGSVGElement {
  const shown = history.map((r) => Math.max(r.phi, FLOOR));
  const lowExponent = Math.floor(Math.log10(Math.min(...shown, 1)));
  const highExponent = Math.ceil(Math.log10(Math.max(...shown, 10)));
  const frame = plotFrame({
    width: WIDTH,
    height: HEIGHT,
    x: [0, Math.max(MIN_UPDATES_SHOWN, history.length - 1)],
    y: [powerOfTen(lowExponent), powerOfTen(highExponent)],
    yScale: 'log',
    xLabel: text.xLabel,
    title: text.title,
    margin: { top: 30, right: 16, bottom: 50, left: 72 },
    // Φ may span some 30 decades as a run converges: whole decades, at most five labels.
    yTicks: 'decades',
  });
  // 'Φ' unrotated above the axis, clear of the top tick label: a single symbol reads badly turned on its side.
  frame.svg.append('text').attr('class', 'axis-label').attr('x', 8).attr('y', 18).attr('font-size', 20).text('Φ');
  const points = shown.map((phi, k) => ({ k, phi }));
  const last = points.length - 1;

  frame.plot
    .append('path')
    .attr('fill', 'none')
    .attr('stroke', palette.primary)
    .attr('stroke-width', 3)
    .attr(
      'd',
      line<{ k: number; phi: number }>()
        .x((d) => frame.x(d.k))
        .y((d) => frame.y(d.phi))(points),
    );
  frame.plot
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('cx', (d) => frame.x(d.k))
    .attr('cy', (d) => frame.y(d.phi))
    .attr('r', (d) => (d.k === last ? 7 : 4))
    .attr('fill', (d) => (diverges && d.k === last ? palette.accent : palette.primary));
  return frame.svg.node()!;
}
