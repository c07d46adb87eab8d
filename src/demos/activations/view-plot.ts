import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { line } from 'd3-shape';
import { el } from '../../ui/dom.ts';
import { activationStyle } from '../../ui/palette.ts';
import { type PlotFrame, plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { curvePieces } from './curve-pieces.ts';
import { LINE_HEIGHT, labelLines } from './label-size.ts';
import {
  BAND_WIDTH,
  CLUTTER_COST,
  DOT_RADIUS,
  DOT_STROKE,
  LABEL_SIZE,
  type MaximumLabels,
  markedCurves,
  maximumLabels,
  RING_RADIUS,
  RING_STROKE,
} from './maximum-labels.ts';
import type { ExplorerNumbers } from './model.ts';
import type { PlacedLabel } from './place-labels.ts';

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
  /** In a slide (embed=1): the layout of EMBEDDED_LAYOUT. */
  readonly embedded: boolean;
}

export type CurvePlotView = View<ExplorerNumbers>;

/** The plot's size in viewBox units, its margins, its axes and the size of its maximum labels. */
interface PlotLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { top: number; right: number; bottom: number; left: number };
  readonly xLabel?: string;
  /** Tick counts asked of d3 instead of plotFrame's own, or null to keep those. */
  readonly ticks: { x: number; y: number } | null;
  readonly labelSize: number;
  /** What a curve under a label costs its placement (maximum-labels.ts). */
  readonly labelClutterCost: number;
  /** Whether the labels keep off the crosshair's line (placed again once it stops moving). */
  readonly labelsOffCrosshair: boolean;
}

const PAGE_LAYOUT: PlotLayout = {
  width: 480,
  height: 300,
  margin: { top: 12, right: 18, bottom: 52, left: 56 },
  xLabel: 'x',
  ticks: null,
  labelSize: LABEL_SIZE,
  labelClutterCost: CLUTTER_COST,
  labelsOffCrosshair: false,
};

/**
 * In a slide the box shows the viewBox at about 1:1 (activations.css), so every text is set at 24
 * units to read at 22 px or more on the projector: fewer ticks, and no "x" under the axis (the
 * titles f(x) and f′(x) name it) so the larger tick labels keep the plot its height. At this size
 * a label beside σ′'s ring would lie across tanh′'s bell: a curve crossing a label (about ten 4-px
 * cells) costs as much as a leader line, so the numbers read clear of the curves. The crosshair is
 * what the slide points at (x = 2 on the ReLU slide): labels keep off it too.
 */
const EMBEDDED_LAYOUT: PlotLayout = {
  width: 480,
  height: 300,
  margin: { top: 12, right: 18, bottom: 34, left: 50 },
  ticks: { x: 5, y: 3 },
  labelSize: 24,
  labelClutterCost: 4,
  labelsOffCrosshair: true,
};

/**
 * Placing the labels takes tens of milliseconds: in a slide they move off the crosshair once it
 * has rested this long, not at every step of a drag.
 */
const LABELS_SETTLE_MS = 200;

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

/** A label's text: as is on one line; one tspan per line where it breaks (label-size.ts). */
function writeLines(text: Selection<SVGTextElement, unknown, null, undefined>, label: PlacedLabel): void {
  const lines = labelLines(label.text);
  if (lines.length === 1) {
    text.text(label.text);
    return;
  }
  lines.forEach((line, i) => {
    text
      .append('tspan')
      .attr('x', label.x)
      .attr('dy', i === 0 ? 0 : `${LINE_HEIGHT}em`)
      .text(line);
  });
}

/**
 * Marks each f′ maximum: a ring at a peak, a translucent band along a plateau (ReLU′ = 1 for x > 0).
 * A maximum on the window's edge (softplus′ → 1) is not a peak and gets no mark; the table still
 * lists it. Returns the group the labels go in, above the marks.
 */
function drawMarkers(frame: PlotFrame, numbers: ExplorerNumbers): Group {
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
  return layer.append('g').attr('class', 'max-labels');
}

/** Each marked maximum's label (with its leader line) where maximum-labels.ts puts it, in place of the last ones. */
function drawLabels(group: Group, frame: PlotFrame, numbers: ExplorerNumbers, texts: MaximumLabels, layout: PlotLayout): void {
  group.selectAll('*').remove();
  const area = { width: frame.innerWidth, height: frame.innerHeight, x: frame.x, y: frame.y, domain: numbers.dfDomain };
  const crosshair = layout.labelsOffCrosshair
    ? { x: frame.x(numbers.crosshair), dots: numbers.curves.map((curve) => frame.y(curve.atCrosshair.dy)) }
    : null;
  const options = { labelSize: layout.labelSize, clutterCost: layout.labelClutterCost, crosshair };
  for (const label of maximumLabels(numbers, area, texts, options)) {
    if (label.leader) {
      const { x1, y1, x2, y2 } = label.leader;
      group
        .append('line')
        .attr('class', 'max-leader')
        .attr('x1', x1)
        .attr('y1', y1)
        .attr('x2', x2)
        .attr('y2', y2)
        .attr('stroke', activationStyle[label.curve].color);
    }
    const text = group
      .append('text')
      .attr('class', 'max-label')
      .attr('x', label.x)
      .attr('y', label.y)
      .attr('text-anchor', label.anchor)
      .style('font-size', `${layout.labelSize}px`);
    writeLines(text, label);
  }
}

/** Redraws both axes with d3's ticks for the given counts (plotFrame has its own counts). */
function retick(frame: PlotFrame, ticks: { x: number; y: number }): void {
  // The f and f′ axes are always linear.
  const y = frame.y as ScaleLinear<number, number>;
  frame.svg.select<SVGGElement>('.axis-y').call(axisLeft(y).ticks(ticks.y).tickSize(-frame.innerWidth));
  frame.svg.select<SVGGElement>('.axis-x').call(axisBottom(frame.x).ticks(ticks.x).tickSize(-frame.innerHeight));
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
      .attr('r', DOT_RADIUS)
      .attr('fill', activationStyle[curve.name].color)
      .attr('stroke', '#fff')
      .attr('stroke-width', DOT_STROKE);
  }
}

/** One plot (f or f′) with its curves, f′ maxima and a crosshair that follows pointer and touch. */
export function createCurvePlotView(options: CurvePlotOptions): CurvePlotView {
  const holder = el('div', { class: 'plot-holder' });
  const element = el('figure', { class: 'curve-plot' }, el('figcaption', {}, options.heading), holder);
  let drawnKey = '';
  let frame: PlotFrame | null = null;
  let crosshair: Group | null = null;
  let labels: Group | null = null;
  let latestX = 0;
  // The crosshair the labels were last placed for, and the wait for it to rest.
  let labelsAt: number | null = null;
  let settling: ReturnType<typeof setTimeout> | undefined;

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

  const layout = options.embedded ? EMBEDDED_LAYOUT : PAGE_LAYOUT;
  const relabel = (numbers: ExplorerNumbers) => {
    if (!labels || !options.maxLabels) return;
    drawLabels(labels, frame!, numbers, options.maxLabels, layout);
    labelsAt = numbers.crosshair;
  };
  const rebuild = (numbers: ExplorerNumbers) => {
    const domain = options.series === 'y' ? numbers.fDomain : numbers.dfDomain;
    frame = plotFrame({
      width: layout.width,
      height: layout.height,
      x: [-numbers.range, numbers.range],
      y: domain,
      margin: layout.margin,
      title: '',
      xLabel: layout.xLabel,
    });
    if (layout.ticks) retick(frame, layout.ticks);
    drawCurves(frame, numbers, options.series, domain);
    labels = options.maxLabels ? drawMarkers(frame, numbers) : null;
    relabel(numbers);
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
      clearTimeout(settling);
      if (layout.labelsOffCrosshair && numbers.crosshair !== labelsAt) settling = setTimeout(() => relabel(numbers), LABELS_SETTLE_MS);
    },
  };
}
