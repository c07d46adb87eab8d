import { axisBottom, axisLeft } from 'd3-axis';
import { pointer } from 'd3-selection';
import { powerOfTenLabel } from '../../ui/log-axis.ts';
import { palette } from '../../ui/palette.ts';
import { type PlotFrame, plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { FLOAT32_MIN_SUBNORMAL } from './float32.ts';
import type { GradientChain } from './model.ts';
import { layerRevealer, pulseLayer } from './pulse.ts';
import { slideDecadeTicks } from './scales.ts';

export interface BarsText {
  readonly title: string;
  readonly xLabel: string;
  readonly ceiling: string;
  readonly float32Min: string;
  readonly float32Marker: string;
  readonly exactZeroMarker: string;
}

export interface BarsOptions {
  readonly chain: GradientChain;
  readonly domain: readonly [number, number];
  readonly width: number;
  readonly height: number;
  readonly color: string;
  readonly text: BarsText;
  /** In a slide (embed=1): fewer, larger labels, and only the marks the slide talks about. */
  readonly embedded: boolean;
  /** A tap or click on the plot picks the layer under it (mouse, pen and touch alike). */
  readonly onPick: (layer: number) => void;
}

/** Its model is the pulse's step: it reveals the bars the pulse has reached and moves the highlight (attributes only, no new nodes). */
export interface BarsView extends View<number> {
  readonly element: SVGSVGElement;
}

/** A slide's labels are 22 px (gradient-chain.css): more room for 10⁻⁵⁰ on the left and for half the last layer's number on the right. */
const MARGIN = {
  page: { top: 22, right: 12, bottom: 40, left: 52 },
  slide: { top: 12, right: 22, bottom: 30, left: 74 },
};

function layerTicks(depth: number): number[] {
  if (depth <= 10) return Array.from({ length: depth }, (_, i) => i + 1);
  const step = depth <= 30 ? 5 : depth <= 60 ? 10 : 20;
  const ticks = [1];
  for (let k = step; k <= depth; k += step) ticks.push(k);
  return ticks;
}

/**
 * The layer axis and its caption. In a slide: only the first and the last layer, the caption
 * between them on their line, and two or three powers of ten on the gradient axis.
 */
function drawAxes(frame: PlotFrame, n: number, domain: readonly [number, number], embedded: boolean): void {
  const { x, y, svg, innerWidth, innerHeight } = frame;
  const layers = embedded ? [...new Set([1, n])] : layerTicks(n);
  svg.select<SVGGElement>('.axis-x').call(axisBottom(x).tickValues(layers).tickFormat(String).tickSize(-innerHeight));
  if (!embedded) {
    svg.select('.axis-label').attr('y', innerHeight + 36);
    return;
  }
  // d3 sets the tick labels 3 px below the axis and 0.71 em down from there.
  svg
    .select('.axis-label')
    .attr('y', innerHeight + 3)
    .attr('dy', '0.71em');
  svg.select<SVGGElement>('.axis-y').call(
    axisLeft(y)
      .tickValues(slideDecadeTicks(domain))
      .tickFormat((v) => powerOfTenLabel(Number(v)))
      .tickSize(-innerWidth),
  );
}

/**
 * |∂Φ/∂b_k| per layer as bars on a log axis, with the ceiling, float32's floor and where float32 hits 0.
 * A slide keeps the bars and where float32 loses them; the bounds behind that stay on the full page.
 */
export function createBarsView(options: BarsOptions): BarsView {
  const { chain, domain, text, embedded } = options;
  const n = chain.depth;
  const frame = plotFrame({
    width: options.width,
    height: options.height,
    x: [0.5, n + 0.5],
    y: domain,
    yScale: 'log',
    yTicks: 'decades',
    // A slide's caption sits between the first and the last layer's numbers: with one or two layers there is no room.
    xLabel: embedded && n <= 2 ? undefined : text.xLabel,
    title: text.title,
    margin: MARGIN[embedded ? 'slide' : 'page'],
  });
  drawAxes(frame, n, domain, embedded);
  const { x, y, plot, innerHeight, innerWidth } = frame;
  const yOf = (value: number) => (value > 0 ? Math.max(0, Math.min(innerHeight, y(value))) : innerHeight);
  const slot = innerWidth / n;
  const barWidth = Math.max(1, slot * (n > 40 ? 1 : 0.8));

  const highlight = plot
    .append('rect')
    .attr('class', 'gc-current')
    .attr('y', 0)
    .attr('height', innerHeight)
    .attr('width', Math.max(slot, 3))
    .attr('fill', palette.accent)
    .attr('fill-opacity', 0.14);

  const bars = Array.from(chain.gradients, (gradient, i) => {
    const layer = i + 1;
    const magnitude = Math.abs(gradient);
    const top = magnitude > 0 ? yOf(magnitude) : innerHeight - 3;
    return plot
      .append('rect')
      .attr('class', magnitude > 0 ? 'gc-bar' : 'gc-bar gc-bar-zero')
      .attr('x', x(layer) - barWidth / 2)
      .attr('width', barWidth)
      .attr('y', top)
      .attr('height', Math.max(innerHeight - top, 3))
      .attr('fill', magnitude > 0 ? options.color : palette.ink)
      .node()!;
  });

  if (!embedded) {
    drawFloat32Floor(frame, domain, text.float32Min);
    drawCeiling(frame, chain, yOf, text.ceiling);
  }
  drawZeroMarker(frame, chain, text, embedded);

  // pointerup, not pointerdown: a finger that starts a scroll gets pointercancel instead and picks nothing.
  frame.svg.on('pointerup', (event: PointerEvent) => {
    const [px] = pointer(event, plot.node());
    options.onPick(Math.min(n, Math.max(1, Math.round(x.invert(px)))));
  });

  const reveal = layerRevealer(bars);
  return {
    element: frame.svg.node()!,
    update(step) {
      reveal(step);
      const layer = pulseLayer(n, step);
      highlight.attr('visibility', layer === null ? 'hidden' : 'visible').attr('x', layer === null ? 0 : x(layer) - Math.max(slot, 3) / 2);
    },
  };
}

/** float32's smallest number as a line, where the axis reaches that low. */
function drawFloat32Floor(frame: PlotFrame, domain: readonly [number, number], label: string): void {
  if (domain[0] >= FLOAT32_MIN_SUBNORMAL) return;
  const { y, plot, innerWidth } = frame;
  const yMin = y(FLOAT32_MIN_SUBNORMAL);
  plot.append('line').attr('class', 'gc-float32-min').attr('x1', 0).attr('x2', innerWidth).attr('y1', yMin).attr('y2', yMin);
  plot
    .append('text')
    .attr('class', 'gc-note')
    .attr('x', 4)
    .attr('y', yMin - 5)
    .text(label);
}

/** A step line: the ceiling of layer k spans its slot [k − ½, k + ½]. */
function drawCeiling(frame: PlotFrame, chain: GradientChain, yOf: (value: number) => number, label: string): void {
  const { x, plot, innerWidth } = frame;
  const n = chain.depth;
  let ceilingPath = `M${x(0.5)},${yOf(chain.ceiling[0])}H${x(1.5)}`;
  for (let k = 2; k <= n; k++) ceilingPath += `V${yOf(chain.ceiling[k - 1])}H${x(k + 0.5)}`;
  plot.append('path').attr('class', 'gc-ceiling').attr('d', ceilingPath);
  plot
    .append('text')
    .attr('class', 'gc-note')
    .attr('x', innerWidth - 2)
    .attr('y', Math.max(12, yOf(chain.ceiling[n - 1]) - 6))
    .attr('text-anchor', 'end')
    .text(label);
}

/**
 * The layer from which float32 holds 0, labelled above the plot; a slide has no margin to spare
 * there, so its label goes inside, beside the line, at the top, where the bars near it are still low.
 */
function drawZeroMarker(frame: PlotFrame, chain: GradientChain, text: BarsText, embedded: boolean): void {
  const zero = chain.float32Zero;
  if (!zero) return;
  const { x, plot, innerHeight } = frame;
  const xz = x(zero.layer);
  const towardInput = zero.layer > chain.depth / 2;
  plot
    .append('line')
    .attr('class', 'gc-zero-marker')
    .attr('x1', xz)
    .attr('x2', xz)
    .attr('y1', embedded ? 0 : -4)
    .attr('y2', innerHeight);
  plot
    .append('text')
    .attr('class', 'gc-note gc-zero-label')
    .attr('x', embedded ? xz + (towardInput ? -6 : 6) : xz)
    .attr('y', embedded ? 22 : -10)
    .attr('text-anchor', towardInput ? 'end' : 'start')
    .text(zero.kind === 'underflow' ? text.float32Marker : text.exactZeroMarker);
}
