import { axisBottom } from 'd3-axis';
import { line } from 'd3-shape';
import { type Timer, timer } from 'd3-timer';
import { el } from '../../ui/dom.ts';
import { numberText } from '../../ui/number-text.ts';
import { palette } from '../../ui/palette.ts';
import { prefersReducedMotion } from '../../ui/player.ts';
import { type PlotFrame, plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { readableTicks } from './axis-ticks.ts';
import { type PlotDomain, plotDomain, sameDomain } from './domain.ts';
import { type DescentModel, type Iterate, lossCurve } from './model.ts';

/*
 * The parabola Φ(y) = (y − t)², the iterates y₀ … y_k on it joined in order (a zigzag when
 * the rate is large), the tangent at y_k whose slope drives the next step, an arrow to
 * y_{k+1} on the axis, and a handle on y₀ that pointer (mouse, pen, touch) drags.
 * The frame is rebuilt only when the range changes; while dragging the range is held still,
 * so the handle stays under the finger.
 */
/** The viewBox follows the box's width (so text keeps its size on a phone), within these bounds. */
const MIN_WIDTH = 360;
const MAX_WIDTH = 760;
const ASPECT = 0.74;
const CURVE_SAMPLES = 201;
const HANDLE_R = 13;
/** How long the newest point takes to slide along its step (none with prefers-reduced-motion). */
const STEP_MS = 400;
/** Room on the left for Φ tick labels as wide as 1.5×10¹⁷, and the axis title beyond them (at Y_LABEL_X). */
const MARGIN = { top: 16, right: 20, bottom: 52, left: 90 };
const Y_LABEL_X = -72;
/** Tick text size of the shared plot style (demo.css), in viewBox units. */
const TICK_FONT = 15;

export interface ParabolaText {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
}

export type ParabolaView = View<DescentModel>;

/** Called with the dragged y₀: `live` while moving, `push` on release. */
export type DragStart = (y0: number, mode: 'live' | 'push') => void;

export function createParabolaView(text: ParabolaText, bounds: { min: number; max: number }, onDrag: DragStart): ParabolaView {
  const element = el('div', { class: 'ds-plot', 'data-testid': 'parabola' });
  let frame: PlotFrame | null = null;
  let domain: PlotDomain | null = null;
  let marks: PlotFrame['plot'] | null = null;
  let dragging = false;
  let shown: readonly Iterate[] = [];
  let animation: Timer | null = null;

  /** True when the new iterates are the shown ones plus one more step: that step is animated. */
  const isNextStep = (iterates: readonly Iterate[]) =>
    shown.length > 0 && iterates.length === shown.length + 1 && shown.every((it, i) => it.y === iterates[i].y);

  const toY = (event: PointerEvent): number => {
    const group = frame!.plot.node()!;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(group.getScreenCTM()!.inverse());
    const y = Math.round(frame!.x.invert(point.x) * 10) / 10;
    // Within the URL's range and within the (held) plot range, so the handle stays on screen.
    const lo = Math.max(bounds.min, domain!.center - domain!.halfWidth);
    const hi = Math.min(bounds.max, domain!.center + domain!.halfWidth);
    return Math.min(hi, Math.max(lo, y));
  };

  function buildFrame(d: PlotDomain): void {
    const lo = d.center - d.halfWidth;
    const hi = d.center + d.halfWidth;
    const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, element.clientWidth || MAX_WIDTH)));
    frame = plotFrame({
      width,
      height: Math.round(width * ASPECT),
      x: [lo, hi],
      y: [0, d.halfWidth ** 2 * 1.08],
      xLabel: text.xLabel,
      yLabel: text.yLabel,
      title: text.title,
      margin: MARGIN,
      yTickFormat: (v) => numberText(v),
    });
    // The prediction axis spans ±2 … ±10⁹ (at the URL's largest α and k): ticks thin out so that their labels never collide.
    const xTicks = readableTicks(
      [lo, hi],
      { length: frame.innerWidth, before: MARGIN.left, after: MARGIN.right, fontSize: TICK_FONT },
      numberText,
    );
    frame.svg.select<SVGGElement>('.axis-x').call(
      axisBottom(frame.x)
        .tickValues(xTicks)
        .tickSize(-frame.innerHeight)
        .tickFormat((v) => numberText(Number(v))),
    );
    frame.svg.select('.axis-label[transform]').attr('y', Y_LABEL_X);
    const ys = Array.from({ length: CURVE_SAMPLES }, (_, i) => lo + ((hi - lo) * i) / (CURVE_SAMPLES - 1));
    const phis = lossCurve(ys, d.center);
    frame.plot
      .append('path')
      .attr('class', 'curve')
      .attr('fill', 'none')
      .attr('stroke', palette.ink)
      .attr('stroke-width', 3)
      .attr(
        'd',
        line<number>()
          .x((y) => frame!.x(y))
          .y((_, i) => frame!.y(phis[i]))(ys),
      );
    frame.plot
      .append('line')
      .attr('class', 'target')
      .attr('x1', frame.x(d.center))
      .attr('x2', frame.x(d.center))
      .attr('y1', 0)
      .attr('y2', frame.innerHeight)
      .attr('stroke', palette.muted)
      .attr('stroke-dasharray', '6 5')
      .attr('stroke-width', 2);
    frame.plot
      .append('text')
      .attr('x', frame.x(d.center) + 6)
      .attr('y', 18)
      .attr('font-size', 20)
      .attr('font-weight', 700)
      .attr('fill', palette.ink)
      .text(`t = ${numberText(d.center)}`);
    // Tangents and arrows may reach past the axes (Φ < 0, y beyond the range): clip them to the plot.
    frame.svg
      .append('defs')
      .append('clipPath')
      .attr('id', 'ds-clip')
      .append('rect')
      .attr('width', frame.innerWidth)
      .attr('height', frame.innerHeight);
    marks = frame.plot.append('g').attr('class', 'marks').attr('clip-path', 'url(#ds-clip)');

    const svg = frame.svg.node()!;
    svg.style.touchAction = 'none';
    svg.addEventListener('pointerdown', (event) => {
      if (!(event.target as Element).closest('.drag-handle')) return;
      dragging = true;
      svg.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    svg.addEventListener('pointermove', (event) => {
      if (dragging) onDrag(toY(event), 'live');
    });
    const finish = (event: PointerEvent) => {
      if (!dragging) return;
      dragging = false;
      onDrag(toY(event), 'push');
    };
    svg.addEventListener('pointerup', finish);
    svg.addEventListener('pointercancel', finish);
    element.replaceChildren(svg);
  }

  /** `progress` < 1 draws the newest point part of the way along its step, without tangent and arrow yet. */
  function drawMarks(model: DescentModel, progress = 1): void {
    const f = frame!;
    const g = marks!;
    g.selectAll('*').remove();
    const points = model.iterates
      .filter((it) => Number.isFinite(it.y) && Math.abs(it.gap) <= domain!.halfWidth)
      .map((it, i, all) => {
        if (progress >= 1 || i !== all.length - 1 || i === 0) return it;
        const from = all[i - 1];
        return { ...it, y: from.y + (it.y - from.y) * progress, phi: from.phi + (it.phi - from.phi) * progress };
      });
    const px = (y: number) => f.x(y);
    const py = (phi: number) => f.y(phi);

    g.append('path')
      .attr('class', 'path')
      .attr('fill', 'none')
      .attr('stroke', palette.primary)
      .attr('stroke-width', 2.5)
      .attr(
        'd',
        line<(typeof points)[number]>()
          .x((d) => px(d.y))
          .y((d) => py(d.phi))(points),
      );
    g.selectAll('circle.iterate')
      .data(points)
      .join('circle')
      .attr('class', 'iterate')
      .attr('cx', (d) => px(d.y))
      .attr('cy', (d) => py(d.phi))
      .attr('r', 6)
      .attr('fill', palette.primary);

    const last = model.iterates[model.iterates.length - 1];
    if (progress < 1) {
      const moving = points[points.length - 1];
      g.append('circle')
        .attr('class', 'current')
        .attr('cx', px(moving.y))
        .attr('cy', py(moving.phi))
        .attr('r', 9)
        .attr('fill', palette.accent)
        .attr('stroke', palette.paper)
        .attr('stroke-width', 2);
    } else if (Number.isFinite(last.slope) && Math.abs(last.gap) <= domain!.halfWidth) {
      // Tangent at y_k over a short span: its slope Φ′(y_k) is what the update subtracts (times α).
      const span = domain!.halfWidth * 0.35;
      g.append('line')
        .attr('class', 'tangent')
        .attr('x1', px(last.y - span))
        .attr('y1', py(last.phi - last.slope * span))
        .attr('x2', px(last.y + span))
        .attr('y2', py(last.phi + last.slope * span))
        .attr('stroke', palette.accent)
        .attr('stroke-width', 3)
        .attr('stroke-dasharray', '8 5');
      g.append('circle')
        .attr('class', 'current')
        .attr('cx', px(last.y))
        .attr('cy', py(last.phi))
        .attr('r', 9)
        .attr('fill', palette.accent)
        .attr('stroke', palette.paper)
        .attr('stroke-width', 2);
    }
    if (
      progress >= 1 &&
      Number.isFinite(model.next) &&
      Math.abs(model.next - domain!.center) <= domain!.halfWidth &&
      Number.isFinite(last.y)
    ) {
      const base = f.innerHeight - 10;
      g.append('line')
        .attr('class', 'next-step')
        .attr('x1', px(last.y))
        .attr('x2', px(model.next))
        .attr('y1', base)
        .attr('y2', base)
        .attr('stroke', palette.accent)
        .attr('stroke-width', 4)
        .attr('marker-end', 'url(#ds-arrow)');
    }

    const start = model.iterates[0];
    const handle = g
      .append('g')
      .attr('class', 'drag-handle')
      .attr('transform', `translate(${px(start.y)},${py(start.phi)})`)
      .style('cursor', dragging ? 'grabbing' : 'grab');
    handle
      .append('circle')
      .attr('r', HANDLE_R * 2.2)
      .attr('fill', 'transparent');
    handle.append('circle').attr('r', HANDLE_R).attr('fill', palette.primary).attr('stroke', palette.paper).attr('stroke-width', 3);
    handle
      .append('text')
      .attr('y', -HANDLE_R - 8)
      .attr('text-anchor', 'middle')
      .attr('font-size', 18)
      .attr('font-weight', 700)
      .attr('fill', palette.ink)
      .text('y₀');
  }

  function addArrowMarker(): void {
    frame!.svg
      .select('defs')
      .append('marker')
      .attr('id', 'ds-arrow')
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 8)
      .attr('refY', 5)
      .attr('markerWidth', 5)
      .attr('markerHeight', 5)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('d', 'M0,0 L10,5 L0,10 z')
      .attr('fill', palette.accent);
  }

  return {
    element,
    update(model) {
      const wanted = plotDomain(model.t, model.iterates);
      if (!frame || !domain || (!dragging && !sameDomain(domain, wanted))) {
        domain = wanted;
        buildFrame(domain);
        addArrowMarker();
      }
      animation?.stop();
      const animate = !dragging && !prefersReducedMotion() && isNextStep(model.iterates);
      shown = model.iterates;
      if (!animate) return drawMarks(model);
      drawMarks(model, 0);
      animation = timer((elapsed) => {
        const progress = Math.min(1, elapsed / STEP_MS);
        drawMarks(model, progress);
        if (progress === 1) animation?.stop();
      });
    },
  };
}
