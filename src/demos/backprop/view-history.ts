import { line } from 'd3-shape';
import { palette } from '../../ui/palette.ts';
import { plotFrame } from '../../ui/plot-frame.ts';
import type { IterationRecord } from './iterations.ts';
import { powerOfTen } from '../../ui/log-axis.ts';

/*
 * Φ after each update on a log scale, so steady convergence is a straight line down
 * and divergence a line up. Values too large to compute are drawn on the top edge.
 */
const WIDTH = 400;
const HEIGHT = 210;
const MIN_UPDATES_SHOWN = 10;
const FLOOR = 1e-30;

export interface HistoryText {
  readonly title: string;
  readonly xLabel: string;
}

export function historyPlot(history: readonly IterationRecord[], text: HistoryText): SVGSVGElement {
  const finite = history.map((r) => r.phi).filter((v) => Number.isFinite(v)).map((v) => Math.max(v, FLOOR));
  const lowExponent = Math.floor(Math.log10(Math.min(...finite, 1)));
  const highExponent = Math.ceil(Math.log10(Math.max(...finite, 10)));
  const frame = plotFrame({
    width: WIDTH,
    height: HEIGHT,
    x: [0, Math.max(MIN_UPDATES_SHOWN, history.length - 1)],
    y: [powerOfTen(lowExponent), powerOfTen(highExponent)],
    yScale: 'log',
    xLabel: text.xLabel,
    title: text.title,
    margin: { top: 30, right: 16, bottom: 50, left: 72 },
    // Φ may grow by 180 decades when a run diverges: whole decades, at most five labels.
    yTicks: 'decades',
  });
  // 'Φ' unrotated above the axis, clear of the top tick label: a single symbol reads badly turned on its side.
  frame.svg.append('text').attr('class', 'axis-label').attr('x', 8).attr('y', 18).attr('font-size', 20).text('Φ');
  const [top] = frame.y.range().slice(-1);
  const y = (phi: number) => (Number.isFinite(phi) ? frame.y(Math.max(phi, FLOOR)) : top);
  const points = history.map((r, k) => ({ k, phi: r.phi }));

  frame.plot.append('path').attr('fill', 'none').attr('stroke', palette.primary).attr('stroke-width', 3)
    .attr('d', line<{ k: number; phi: number }>().x((d) => frame.x(d.k)).y((d) => y(d.phi))(points));
  frame.plot.selectAll('circle').data(points).join('circle')
    .attr('cx', (d) => frame.x(d.k)).attr('cy', (d) => y(d.phi)).attr('r', (d) => (d.k === points.length - 1 ? 7 : 4))
    .attr('fill', (d) => (Number.isFinite(d.phi) ? palette.primary : palette.accent));
  return frame.svg.node()!;
}
