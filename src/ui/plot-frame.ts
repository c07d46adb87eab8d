import { axisBottom, axisLeft } from 'd3-axis';
import { type ScaleLinear, type ScaleLogarithmic, scaleLinear, scaleLog } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import { decadeTicks, powerOfTenLabel } from './log-axis.ts';

/**
 * An SVG plot with margins, two axes, grid lines and axis labels, scaled by its
 * viewBox so it fills its box on a projector and on a phone alike.
 */
export interface PlotFrameOptions {
  readonly width: number;
  readonly height: number;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly yScale?: 'linear' | 'log';
  /**
   * 'decades' (log scale): ticks only at whole powers of ten, at most five, labelled 10ⁿ, for an
   * axis that may span a hundred decades. Otherwise d3's ticks.
   */
  readonly yTicks?: 'decades';
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Accessible name of the plot. */
  readonly title: string;
  readonly margin?: { top: number; right: number; bottom: number; left: number };
  readonly yTickFormat?: (value: number) => string;
  readonly xTickFormat?: (value: number) => string;
}

export interface PlotFrame {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Group translated to the plotting area; draw data here. */
  readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  readonly innerWidth: number;
  readonly innerHeight: number;
}

const DEFAULT_MARGIN = { top: 16, right: 20, bottom: 52, left: 64 };

export function plotFrame(options: PlotFrameOptions): PlotFrame {
  const margin = options.margin ?? DEFAULT_MARGIN;
  const innerWidth = options.width - margin.left - margin.right;
  const innerHeight = options.height - margin.top - margin.bottom;
  const x = scaleLinear().domain(options.x).range([0, innerWidth]);
  const y = (options.yScale === 'log' ? scaleLog() : scaleLinear()).domain(options.y).range([innerHeight, 0]);

  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('class', 'plot')
    .attr('role', 'img')
    .attr('aria-label', options.title);
  const root = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);

  const yAxis = axisLeft(y).tickSize(-innerWidth);
  if (options.yTicks === 'decades') yAxis.tickValues(decadeTicks(options.y)).tickFormat((v) => powerOfTenLabel(Number(v)));
  else yAxis.ticks(options.yScale === 'log' ? 6 : 5);
  if (options.yTickFormat) yAxis.tickFormat((v) => options.yTickFormat!(Number(v)));
  root.append('g').attr('class', 'axis axis-y').call(yAxis);
  const xAxis = axisBottom(x).ticks(7).tickSize(-innerHeight);
  if (options.xTickFormat) xAxis.tickFormat((v) => options.xTickFormat!(Number(v)));
  root.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${innerHeight})`).call(xAxis);

  if (options.xLabel) {
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', innerWidth / 2)
      .attr('y', innerHeight + 44)
      .attr('text-anchor', 'middle')
      .text(options.xLabel);
  }
  if (options.yLabel) {
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', 'rotate(-90)')
      .attr('x', -innerHeight / 2)
      .attr('y', -50)
      .attr('text-anchor', 'middle')
      .text(options.yLabel);
  }
  const plot = root.append('g').attr('class', 'plot-area');
  return { svg, plot, x, y, innerWidth, innerHeight };
}
