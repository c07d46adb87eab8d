/** Simple flat shapes shared by the diagrams: arrows, rounded boxes, circles. */
import { type Attrs, el, num, points } from './svg.ts';

export interface Point {
  x: number;
  y: number;
}

export interface ArrowStyle {
  color: string;
  width?: number;
  /** Arrowhead length in px. */
  head?: number;
  dashed?: boolean;
}

/** A straight arrow from `from` to `to`; the line stops where the filled head starts. */
export function arrow(from: Point, to: Point, style: ArrowStyle): string {
  const { color, width = 4, head = width * 4 } = style;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const ux = dx / length;
  const uy = dy / length;
  const base = { x: to.x - ux * head, y: to.y - uy * head };
  const line = el('line', {
    x1: from.x,
    y1: from.y,
    // overlap the head by 1px so no seam shows between line and head
    x2: base.x + ux,
    y2: base.y + uy,
    stroke: color,
    'stroke-width': width,
    'stroke-linecap': style.dashed ? 'butt' : 'round',
    'stroke-dasharray': style.dashed ? `${num(width * 2)} ${num(width * 1.5)}` : undefined,
  });
  return line + arrowHead(to, { x: dx, y: dy }, head, color);
}

/** A filled arrowhead only, pointing along (dx, dy) with its tip at `tip`. */
export function arrowHead(tip: Point, direction: Point, size: number, color: string): string {
  const length = Math.hypot(direction.x, direction.y);
  const ux = direction.x / length;
  const uy = direction.y / length;
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  const half = size * 0.55;
  return el('polygon', {
    points: points([
      [tip.x, tip.y],
      [bx - uy * half, by + ux * half],
      [bx + uy * half, by - ux * half],
    ]),
    fill: color,
  });
}

export function roundedBox(x: number, y: number, width: number, height: number, attrs: Attrs): string {
  return el('rect', { x, y, width, height, rx: Math.min(14, height / 4), ...attrs });
}

export function circle(cx: number, cy: number, r: number, attrs: Attrs): string {
  return el('circle', { cx, cy, r, ...attrs });
}
