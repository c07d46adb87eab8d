import type { Selection } from 'd3-selection';
import { line } from 'd3-shape';
import { el } from '../../ui/dom.ts';
import { activationStyle } from '../../ui/palette.ts';
import { type PlotFrame, plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { curvePieces } from './curve-pieces.ts';
import { BAND_WIDTH, type MaximumLabels, markedCurves, maximumLabels, RING_RADIUS, RING_STROKE } from './maximum-labels.ts';
import type { ExplorerNumbers } from './model.ts';

/** Where a pointer on the plot puts the crosshair: 'live' while moving, then one URL write. */
export type CrosshairMove = (x: number, mode: 'live' | 'replace' | 'push') => void;

export interface CurvePlotOptions {
  /** Plot f (`y`) or f′ (`dy`). */
  readonly series: 'y' | 'dy';
  readonly heading: string;
  readonly accessibleName: (numbers: ExplorerNumbers) => string;
  /** Labels of the f′ maximum markers (`name` is e.g. "tanh′"), or null for no markers. */
  readonly maxLabels: MaximumLabels | null;
  readonly onCrosshair: CrosshairMove;
}

export type CurvePlotView = View<ExplorerNumbers>;

const WIDTH = 480;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 18, bottom: 52, left: 56 };

type Group = Selection<SVGGElement, unknown, null, undefined>;

function drawCurves(frame: PlotFrame, numbers: ExplorerNumbers, series: 'y' | 'dy', domain: readonly [number, number]): void {
  for (const curve of numbers.curves) {
    const values = curve[series];
    const path = line<number>()
      .x((i) => frame.x(numbers.xs[i]))
      .y((i) => frame.y(values[i]));
    const style = activationStyle[curve.name];
    for (const [from, to] of curvePieces(values, domain)) {
      const indices = Array.from({ length: to - from + 1 }, (_, k) => from + k);
      frame.plot
        .append('path')
        .attr('d', path(indices))
        .attr('fill', 'none')
        .attr('stroke', style.color)
        .attr('stroke-width', 3.5)
        .attr('stroke-dasharray', style.dash)
        .attr('stroke-linejoin', 'round')
        .attr('data-curve', curve.name);
    }
  }
}

/**
 * Marks each f′ maximum: a ring at a peak, a translucent band along a plateau (ReLU′ = 1 for x > 0),
 * and its label where maximum-labels.ts puts it. A maximum on the window's edge (softplus′ → 1) is
 * not a peak and gets no mark; the table still lists it.
 */
function drawMaxima(frame: PlotFrame, numbers: ExplorerNumbers, labels: MaximumLabels): void {
  const layer = frame.plot.append('g').attr('class', 'maxima');
  for (const curve of markedCurves(numbers)) {
    const { value, from, to } = curve.maximum;
    const color = activationStyle[curve.name].color;
    const y = frame.y(value);
    if (from === to) {
      layer
        .append('circle')
        .attr('class', 'max-marker')
        .attr('cx', frame.x(from))
        .attr('cy', y)
        .attr('r', RING_RADIUS)
        .attr('fill', '#fff')
        .attr('stroke', color)
        .attr('stroke-width', RING_STROKE);
    } else {
      layer
        .append('line')
        .attr('class', 'max-marker')
        .attr('x1', frame.x(from))
        .attr('x2', frame.x(to))
        .attr('y1', y)
        .attr('y2', y)
        .attr('stroke', color)
        .attr('stroke-opacity', 0.3)
        .attr('stroke-width', BAND_WIDTH);
    }
  }
  const area = { width: frame.innerWidth, height: frame.innerHeight, x: frame.x, y: frame.y, domain: numbers.dfDomain };
  for (const label of maximumLabels(numbers, area, labels)) {
    if (label.leader) {
      const { x1, y1, x2, y2 } = label.leader;
      layer
        .append('line')
        .attr('class', 'max-leader')
        .attr('x1', x1)
        .attr('y1', y1)
        .attr('x2', x2)
        .attr('y2', y2)
        .attr('stroke', activationStyle[label.curve].color);
    }
    layer
      .append('text')
      .attr('class', 'max-label')
      .attr('x', label.x)
      .attr('y', label.y)
      .attr('text-anchor', label.anchor)
      .text(label.text);
  }
}

function drawCrosshair(layer: Group, frame: PlotFrame, numbers: ExplorerNumbers, series: 'y' | 'dy'): void {
  layer.selectAll('*').remove();
  const x = frame.x(numbers.crosshair);
  layer
    .append('line')
    .attr('x1', x)
    .attr('x2', x)
    .attr('y1', 0)
    .attr('y2', frame.innerHeight)
    .attr('stroke', '#1f2933')
    .attr('stroke-width', 1.5)
    .attr('stroke-dasharray', '4 4');
  for (const curve of numbers.curves) {
    layer
      .append('circle')
      .attr('cx', x)
      .attr('cy', frame.y(curve.atCrosshair[series]))
      .attr('r', 6)
      .attr('fill', activationStyle[curve.name].color)
      .attr('stroke', '#fff')
      .attr('stroke-width', 2);
  }
}

/** One plot (f or f′) with its curves, f′ maxima and a crosshair that follows pointer and touch. */
export function createCurvePlotView(options: CurvePlotOptions): CurvePlotView {
  const holder = el('div', { class: 'plot-holder' });
  const element = el('figure', { class: 'curve-plot' }, el('figcaption', {}, options.heading), holder);
  let drawnKey = '';
  let frame: PlotFrame | null = null;
  let crosshair: Group | null = null;
  let latestX = 0;

  const pointerX = (event: PointerEvent): number | null => {
    if (!frame) return null;
    const matrix = frame.plot.node()?.getScreenCTM();
    if (!matrix) return null;
    const local = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const [low, high] = frame.x.domain();
    return Math.round(Math.min(high, Math.max(low, frame.x.invert(local.x))) * 100) / 100;
  };
  const move = (event: PointerEvent, mode: 'live' | 'replace' | 'push') => {
    const x = pointerX(event);
    if (x === null) return;
    latestX = x;
    options.onCrosshair(x, mode);
  };

  const rebuild = (numbers: ExplorerNumbers) => {
    const domain = options.series === 'y' ? numbers.fDomain : numbers.dfDomain;
    frame = plotFrame({
      width: WIDTH,
      height: HEIGHT,
      x: [-numbers.range, numbers.range],
      y: domain,
      margin: MARGIN,
      title: '',
      xLabel: 'x',
    });
    drawCurves(frame, numbers, options.series, domain);
    if (options.maxLabels) drawMaxima(frame, numbers, options.maxLabels);
    crosshair = frame.plot.append('g').attr('class', 'crosshair');
    const svg = frame.svg.node()!;
    svg.addEventListener('pointerdown', (event) => {
      svg.setPointerCapture(event.pointerId);
      move(event, 'live');
    });
    svg.addEventListener('pointermove', (event) => move(event, 'live'));
    svg.addEventListener('pointerup', (event) => move(event, 'push'));
    // A hover that ends (or a touch the browser takes over for scrolling) still leaves the URL right.
    svg.addEventListener('pointerleave', () => options.onCrosshair(latestX, 'replace'));
    svg.addEventListener('pointercancel', () => options.onCrosshair(latestX, 'replace'));
    holder.replaceChildren(svg);
  };

  return {
    element,
    update(numbers) {
      const key = `${numbers.range}|${numbers.curves.map((c) => c.name).join(',')}`;
      if (key !== drawnKey) {
        rebuild(numbers);
        drawnKey = key;
      }
      latestX = numbers.crosshair;
      frame!.svg.attr('aria-label', options.accessibleName(numbers));
      drawCrosshair(crosshair!, frame!, numbers, options.series);
    },
  };
}
