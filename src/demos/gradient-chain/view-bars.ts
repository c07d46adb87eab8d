import { axisBottom } from 'd3-axis';
import { pointer } from 'd3-selection';
import { palette } from '../../ui/palette.ts';
import { plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { FLOAT32_MIN_SUBNORMAL } from './float32.ts';
import type { GradientChain } from './model.ts';
import { layerRevealer, pulseLayer } from './pulse.ts';

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
  /** A tap or click on the plot picks the layer under it (mouse, pen and touch alike). */
  readonly onPick: (layer: number) => void;
}

/** Its model is the pulse's step: it reveals the bars the pulse has reached and moves the highlight (attributes only, no new nodes). */
export interface BarsView extends View<number> {
  readonly element: SVGSVGElement;
}

const MARGIN = { top: 22, right: 12, bottom: 40, left: 52 };

function layerTicks(depth: number): number[] {
  if (depth <= 10) return Array.from({ length: depth }, (_, i) => i + 1);
  const step = depth <= 30 ? 5 : depth <= 60 ? 10 : 20;
  const ticks = [1];
  for (let k = step; k <= depth; k += step) ticks.push(k);
  return ticks;
}

/** |∂Φ/∂b_k| per layer as bars on a log axis, with the ceiling, float32's floor and where float32 hits 0. */
export function createBarsView(options: BarsOptions): BarsView {
  const { chain, domain, text } = options;
  const n = chain.depth;
  const frame = plotFrame({
    width: options.width,
    height: options.height,
    x: [0.5, n + 0.5],
    y: domain,
    yScale: 'log',
    yTicks: 'decades',
    xLabel: text.xLabel,
    title: text.title,
    margin: MARGIN,
  });
  const { x, y, plot, innerHeight, innerWidth } = frame;
  frame.svg.select<SVGGElement>('.axis-x').call(axisBottom(x).tickValues(layerTicks(n)).tickFormat(String).tickSize(-innerHeight));
  frame.svg.select('.axis-label').attr('y', innerHeight + 36);
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

  if (domain[0] < FLOAT32_MIN_SUBNORMAL) {
    const yMin = y(FLOAT32_MIN_SUBNORMAL);
    plot.append('line').attr('class', 'gc-float32-min').attr('x1', 0).attr('x2', innerWidth).attr('y1', yMin).attr('y2', yMin);
    plot
      .append('text')
      .attr('class', 'gc-note')
      .attr('x', 4)
      .attr('y', yMin - 5)
      .text(text.float32Min);
  }

  // A step line: the ceiling of layer k spans its slot [k − ½, k + ½].
  let ceilingPath = `M${x(0.5)},${yOf(chain.ceiling[0])}H${x(1.5)}`;
  for (let k = 2; k <= n; k++) ceilingPath += `V${yOf(chain.ceiling[k - 1])}H${x(k + 0.5)}`;
  plot.append('path').attr('class', 'gc-ceiling').attr('d', ceilingPath);
  plot
    .append('text')
    .attr('class', 'gc-note')
    .attr('x', innerWidth - 2)
    .attr('y', Math.max(12, yOf(chain.ceiling[n - 1]) - 6))
    .attr('text-anchor', 'end')
    .text(text.ceiling);

  const zero = chain.float32Zero;
  if (zero) {
    const xz = x(zero.layer);
    plot.append('line').attr('class', 'gc-zero-marker').attr('x1', xz).attr('x2', xz).attr('y1', -4).attr('y2', innerHeight);
    plot
      .append('text')
      .attr('class', 'gc-note gc-zero-label')
      .attr('x', xz)
      .attr('y', -10)
      .attr('text-anchor', zero.layer > n / 2 ? 'end' : 'start')
      .text(zero.kind === 'underflow' ? text.float32Marker : text.exactZeroMarker);
  }

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
