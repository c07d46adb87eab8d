/**
 * A plot frame inside a figure: linear scales, axes through the origin with arrowheads,
 * light grid, tick labels set as math, and curves drawn with d3-shape.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { palette } from '../ui/palette.ts';
import type { Box } from './box.ts';
import type { Figure } from './figure.ts';
import { arrowHead } from './shapes.ts';
import { el } from './svg.ts';

export interface PlotArea extends Box {
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
}

export interface AxesOptions {
  xTicks: readonly number[];
  yTicks: readonly number[];
  /** TeX labels at the positive ends of the axes. */
  xLabel?: string;
  yLabel?: string;
  /** TeX for a tick label; defaults to the number itself. */
  xTickLabel?: (value: number) => string;
  tickSize?: number;
  labelSize?: number;
}

export interface CurveStyle {
  color: string;
  width?: number;
  dashed?: boolean;
}

/** Tick value as TeX: a true minus sign and no float noise (0.25, not 0.25000000000000006). */
export function tickTex(value: number): string {
  return String(Number(value.toPrecision(6)));
}

export class Plot {
  readonly sx: ScaleLinear<number, number>;
  readonly sy: ScaleLinear<number, number>;

  constructor(
    private readonly figure: Figure,
    readonly area: PlotArea,
  ) {
    this.sx = scaleLinear()
      .domain(area.xDomain)
      .range([area.x, area.x + area.width]);
    this.sy = scaleLinear()
      .domain(area.yDomain)
      .range([area.y + area.height, area.y]);
  }

  /** Where the axes cross: the origin, clamped into the visible domain. */
  private origin(): { x: number; y: number } {
    const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
    return { x: this.sx(clamp(0, this.area.xDomain)), y: this.sy(clamp(0, this.area.yDomain)) };
  }

  grid(xTicks: readonly number[], yTicks: readonly number[]): void {
    const { x, y, width, height } = this.area;
    const lines = [
      ...xTicks.map((v) => el('line', { x1: this.sx(v), y1: y, x2: this.sx(v), y2: y + height })),
      ...yTicks.map((v) => el('line', { x1: x, y1: this.sy(v), x2: x + width, y2: this.sy(v) })),
    ];
    this.figure.add(el('g', { stroke: palette.grid, 'stroke-width': 1.5 }, ...lines));
  }

  axes(options: AxesOptions): void {
    const { x, y, width, height } = this.area;
    const { tickSize = 22, labelSize = 28 } = options;
    const o = this.origin();
    const overshoot = 14;
    const head = 14;
    const color = palette.muted;
    this.figure.add(
      el(
        'g',
        { stroke: color, 'stroke-width': 2.5 },
        el('line', { x1: x, y1: o.y, x2: x + width + overshoot - head, y2: o.y }),
        el('line', { x1: o.x, y1: y + height, x2: o.x, y2: y - overshoot + head }),
        ...options.xTicks.map((v) => el('line', { x1: this.sx(v), y1: o.y - 6, x2: this.sx(v), y2: o.y + 6 })),
        ...options.yTicks.map((v) => el('line', { x1: o.x - 6, y1: this.sy(v), x2: o.x + 6, y2: this.sy(v) })),
      ),
      arrowHead({ x: x + width + overshoot, y: o.y }, { x: 1, y: 0 }, head, color),
      arrowHead({ x: o.x, y: y - overshoot }, { x: 0, y: -1 }, head, color),
    );
    const xTickLabel = options.xTickLabel ?? tickTex;
    for (const v of options.xTicks) {
      this.figure.math(xTickLabel(v), { x: this.sx(v), y: o.y + 10 + tickSize * 0.75, size: tickSize, anchor: 'middle', fill: color });
    }
    for (const v of options.yTicks) {
      this.figure.math(tickTex(v), { x: o.x - 16, y: this.sy(v), size: tickSize, anchor: 'end', baseline: 'middle', fill: color });
    }
    if (options.xLabel) {
      this.figure.math(options.xLabel, { x: x + width + overshoot, y: o.y - 14, size: labelSize, anchor: 'end' });
    }
    if (options.yLabel) {
      this.figure.math(options.yLabel, { x: o.x + 16, y: y - overshoot + labelSize * 0.55, size: labelSize });
    }
  }

  /** A curve through (xs[i], ys[i]); d3-shape rounds to 2 decimals so output is stable. */
  curve(xs: ArrayLike<number>, ys: ArrayLike<number>, style: CurveStyle): void {
    const pts = Array.from({ length: xs.length }, (_, i) => [this.sx(xs[i]), this.sy(ys[i])] as [number, number]);
    const d = line().digits(2)(pts) ?? '';
    const width = style.width ?? 4;
    this.figure.add(
      el('path', {
        d,
        fill: 'none',
        stroke: style.color,
        'stroke-width': width,
        'stroke-linecap': style.dashed ? 'butt' : 'round',
        'stroke-linejoin': 'round',
        'stroke-dasharray': style.dashed ? `${width * 3} ${width * 2}` : undefined,
      }),
    );
  }

  /** Evenly spaced sample points across the x domain. */
  samples(count: number): Float64Array {
    const [lo, hi] = this.area.xDomain;
    return Float64Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
  }
}
