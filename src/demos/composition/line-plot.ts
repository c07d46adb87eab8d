import { line } from 'd3-shape';
import { plotFrame } from '../../ui/plot-frame.ts';
import { axisNumber, logAxisNumber } from './axis-number.ts';

/** A curve to draw; +∞ marks a value past Float64 (drawn as a band at the top, not as a line). */
export interface Series {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly color: string;
  readonly name: string;
}

export interface LinePlotOptions {
  readonly width: number;
  readonly height: number;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly log?: boolean;
  readonly title: string;
  readonly yLabel: string;
  /** Label of the band that marks overflowed samples. */
  readonly overflowLabel?: string;
}

const MARGIN = { top: 14, right: 20, bottom: 50, left: 96 };
/** A plot that may overflow keeps a strip above its area for the band's label, clear of axes, ticks and curve. */
const OVERFLOW_LABEL_ROOM = 22;
const OVERFLOW_LABEL_BASELINE = -9;

/** Runs of consecutive indices where `keep` holds. */
function runs(count: number, keep: (i: number) => boolean): [number, number][] {
  const result: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= count; i++) {
    if (i < count && keep(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      result.push([start, i - 1]);
      start = -1;
    }
  }
  return result;
}

/** An SVG plot of one or more curves on shared axes (linear or log y), with short tick labels. */
export function linePlot(series: readonly Series[], options: LinePlotOptions): SVGSVGElement {
  const margin = options.overflowLabel ? { ...MARGIN, top: MARGIN.top + OVERFLOW_LABEL_ROOM } : MARGIN;
  const frame = plotFrame({
    width: options.width,
    height: options.height,
    x: options.x,
    y: options.y,
    yScale: options.log ? 'log' : 'linear',
    margin,
    title: options.title,
    xLabel: 'x',
    yLabel: options.yLabel,
    yTickFormat: options.log ? logAxisNumber(options.y) : axisNumber,
  });
  // The y label sits left of the widest tick text (5×10⁷).
  frame.svg.select('.axis-label[transform]').attr('y', -MARGIN.left + 18);
  for (const s of series) {
    const path = line<number>()
      .x((i) => frame.x(s.xs[i]))
      .y((i) => frame.y(s.ys[i]));
    for (const [from, to] of runs(s.ys.length, (i) => Number.isFinite(s.ys[i]))) {
      const indices = Array.from({ length: to - from + 1 }, (_, j) => from + j);
      frame.plot
        .append('path')
        .attr('d', path(indices))
        .attr('fill', 'none')
        .attr('stroke', s.color)
        .attr('stroke-width', 4)
        .attr('stroke-linejoin', 'round')
        .attr('data-series', s.name);
    }
    // One label is enough even when both ends of the window overflow.
    let labelled = false;
    for (const [from, to] of runs(s.ys.length, (i) => s.ys[i] === Infinity)) {
      const x1 = frame.x(s.xs[from]);
      const x2 = frame.x(s.xs[to]);
      frame.plot
        .append('rect')
        .attr('class', 'overflow')
        .attr('x', x1)
        .attr('width', Math.max(2, x2 - x1))
        .attr('y', 0)
        .attr('height', 10)
        .attr('fill', s.color)
        .attr('data-series', `${s.name}-overflow`);
      if (options.overflowLabel && !labelled) {
        labelled = true;
        // Above the band, in the strip over the plot area: the curve climbs into the band right beside it.
        const right = (x1 + x2) / 2 > frame.innerWidth / 2;
        frame.plot
          .append('text')
          .attr('class', 'overflow-label')
          .attr('x', right ? x2 : x1)
          .attr('y', OVERFLOW_LABEL_BASELINE)
          .attr('text-anchor', right ? 'end' : 'start')
          .text(options.overflowLabel);
      }
    }
  }
  return frame.svg.node()!;
}
