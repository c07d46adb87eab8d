import { line } from 'd3-shape';
import { ACTIVATIONS } from '../../nn/activations.ts';
import type { Selection } from 'd3-selection';
import { el } from '../../ui/dom.ts';
import { plotFrame, type PlotFrame } from '../../ui/plot-frame.ts';
import type { ActivationCurve, ExplorerNumbers } from './model.ts';
import { maximumWhere } from './describe-maximum.ts';
import { estimateWidth, placeLabels } from './place-labels.ts';
import { shortReadoutNumber } from './readout-number.ts';
import { CURVE_STYLES } from './styles.ts';

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

export interface MaximumLabels {
  peak(name: string, value: string): string;
  plateau(names: string, value: string, where: string): string;
}

export interface CurvePlot {
  readonly element: HTMLElement;
  update(numbers: ExplorerNumbers): void;
}

const WIDTH = 480;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 18, bottom: 52, left: 56 };
/** A step this large between neighbouring samples is a jump (ReLU′ at 0), not a steep curve. */
const JUMP_SHARE = 0.25;
const LABEL_SIZE = 17;

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Index ranges between jumps, so a step function is drawn as separate pieces. */
function pieces(values: Float64Array, jump: number): [number, number][] {
  const result: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(values[i] - values[i - 1]) > jump) {
      result.push([start, i - 1]);
      start = i;
    }
  }
  result.push([start, values.length - 1]);
  return result;
}

function drawCurves(frame: PlotFrame, numbers: ExplorerNumbers, series: 'y' | 'dy', domain: readonly [number, number]): void {
  const jump = JUMP_SHARE * (domain[1] - domain[0]);
  for (const curve of numbers.curves) {
    const values = curve[series];
    const path = line<number>().x((i) => frame.x(numbers.xs[i])).y((i) => frame.y(values[i]));
    const style = CURVE_STYLES[curve.name];
    for (const [from, to] of pieces(values, jump)) {
      const indices = Array.from({ length: to - from + 1 }, (_, k) => from + k);
      frame.plot.append('path').attr('d', path(indices)).attr('fill', 'none')
        .attr('stroke', style.color).attr('stroke-width', 3.5).attr('stroke-dasharray', style.dash)
        .attr('stroke-linejoin', 'round').attr('data-curve', curve.name);
    }
  }
}

/** "tanh′", "ReLU′・Leaky ReLU′" (a parenthesised alias like "(swish)" is dropped). */
const primed = (curves: readonly ActivationCurve[]) =>
  curves.map((c) => `${ACTIVATIONS[c.name].label.replace(/ \(.*\)$/, '')}′`).join('・');

function maximumLabel(frame: PlotFrame, curves: readonly ActivationCurve[], labels: MaximumLabels) {
  const maximum = curves[0].maximum;
  const { value, from, to } = maximum;
  const y = frame.y(value);
  const v = shortReadoutNumber(value);
  if (from === to) {
    const x = frame.x(from);
    return { text: labels.peak(primed(curves), v), candidates: [
      { x: x + 12, y: y - 8, anchor: 'start' as const }, { x: x - 12, y: y - 8, anchor: 'end' as const },
      { x: x + 12, y: y + 24, anchor: 'start' as const }, { x: x - 12, y: y + 24, anchor: 'end' as const },
      { x, y: y - 14, anchor: 'middle' as const }, { x, y: y + 28, anchor: 'middle' as const }] };
  }
  // A plateau: the label goes below or above the band, towards its middle.
  const text = labels.plateau(primed(curves), v, maximumWhere(maximum));
  const width = estimateWidth(text, LABEL_SIZE);
  const xs = [frame.x((from + to) / 2), frame.x(to) - width / 2, frame.x(from) + width / 2];
  return { text, candidates: xs.flatMap((x) => [
    { x, y: y + 30, anchor: 'middle' as const }, { x, y: y - 14, anchor: 'middle' as const }]) };
}

/**
 * Marks each f′ maximum: a ring at a peak, a translucent band along a plateau (ReLU′ = 1 for x > 0).
 * A maximum on the window's edge (softplus′ → 1) is not a peak and gets no mark; the table still lists it.
 */
function drawMaxima(frame: PlotFrame, numbers: ExplorerNumbers, labels: MaximumLabels): void {
  const layer = frame.plot.append('g').attr('class', 'maxima');
  const marked = numbers.curves.filter((c) => c.maximum.from !== c.maximum.to || Math.abs(c.maximum.from) < numbers.range);
  // ReLU, Leaky ReLU and ELU share one plateau: one label names them all.
  const groups = new Map<string, ActivationCurve[]>();
  for (const curve of marked) {
    const { value, from, to } = curve.maximum;
    const color = CURVE_STYLES[curve.name].color;
    const y = frame.y(value);
    if (from === to) {
      layer.append('circle').attr('cx', frame.x(from)).attr('cy', y).attr('r', 7)
        .attr('fill', '#fff').attr('stroke', color).attr('stroke-width', 3.5);
    } else {
      layer.append('line').attr('x1', frame.x(from)).attr('x2', frame.x(to)).attr('y1', y).attr('y2', y)
        .attr('stroke', color).attr('stroke-opacity', 0.3).attr('stroke-width', 14);
    }
    const key = `${value}|${from}|${to}|${maximumWhere(curve.maximum)}`;
    groups.set(key, [...(groups.get(key) ?? []), curve]);
  }
  const wanted = [...groups.values()].map((group) => maximumLabel(frame, group, labels));
  for (const p of placeLabels(wanted, { width: frame.innerWidth, height: frame.innerHeight }, LABEL_SIZE)) {
    layer.append('text').attr('class', 'max-label').attr('x', p.x).attr('y', p.y).attr('text-anchor', p.anchor).text(p.text);
  }
}

function drawCrosshair(layer: Group, frame: PlotFrame, numbers: ExplorerNumbers, series: 'y' | 'dy'): void {
  layer.selectAll('*').remove();
  const x = frame.x(numbers.crosshair);
  layer.append('line').attr('x1', x).attr('x2', x).attr('y1', 0).attr('y2', frame.innerHeight)
    .attr('stroke', '#1f2933').attr('stroke-width', 1.5).attr('stroke-dasharray', '4 4');
  for (const curve of numbers.curves) {
    layer.append('circle').attr('cx', x).attr('cy', frame.y(curve.atCrosshair[series])).attr('r', 6)
      .attr('fill', CURVE_STYLES[curve.name].color).attr('stroke', '#fff').attr('stroke-width', 2);
  }
}

/** One plot (f or f′) with its curves, f′ maxima and a crosshair that follows pointer and touch. */
export function curvePlot(options: CurvePlotOptions): CurvePlot {
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
    frame = plotFrame({ width: WIDTH, height: HEIGHT, x: [-numbers.range, numbers.range], y: domain,
      margin: MARGIN, title: '', xLabel: 'x' });
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
