/**
 * The few characters the diagrams share, drawn from simple flat shapes:
 * a cat face (the classifier's input), a friendly robot (the AI) and a person.
 */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { circle } from '../shapes.ts';
import { el, num, points } from '../svg.ts';

const INK = palette.ink;
const FUR = palette.sigmoid;
const PINK = '#f4a6b8';
const SKIN = '#f3c9a4';

/** A cat face centred at (cx, cy); `s` = 1 gives a head about 150 px wide. */
export function catFace(cx: number, cy: number, s = 1): string {
  const p = (x: number, y: number): [number, number] => [cx + x * s, cy + y * s];
  const ear = (side: 1 | -1) =>
    el('polygon', {
      points: points([p(side * 66, -18), p(side * 52, -96), p(side * 10, -56)]),
      fill: FUR,
      stroke: INK,
      'stroke-width': 3 * s,
      'stroke-linejoin': 'round',
    }) + el('polygon', { points: points([p(side * 56, -32), p(side * 50, -78), p(side * 24, -54)]), fill: PINK });
  const eye = (side: 1 | -1) => {
    const [ex, ey] = p(side * 27, -6);
    return (
      el('ellipse', { cx: ex, cy: ey, rx: 9 * s, ry: 13 * s, fill: INK }) + circle(ex + 3 * s, ey - 5 * s, 3 * s, { fill: palette.paper })
    );
  };
  const whiskers = ([-1, 1] as const).flatMap((side) =>
    [-8, 4, 16].map((dy) => {
      const [x1, y1] = p(side * 34, 18 + dy / 3);
      const [x2, y2] = p(side * 92, 10 + dy);
      return el('line', { x1, y1, x2, y2 });
    }),
  );
  const [nx, ny] = p(0, 16);
  return (
    ear(-1) +
    ear(1) +
    el('ellipse', { cx, cy: cy + 4 * s, rx: 74 * s, ry: 62 * s, fill: FUR, stroke: INK, 'stroke-width': 3 * s }) +
    el('ellipse', { cx, cy: cy + 30 * s, rx: 34 * s, ry: 24 * s, fill: tint(FUR, 0.25) }) +
    eye(-1) +
    eye(1) +
    el('polygon', {
      points: points([p(-8, 12), p(8, 12), p(0, 21)]),
      fill: PINK,
      stroke: INK,
      'stroke-width': 2 * s,
      'stroke-linejoin': 'round',
    }) +
    el('path', {
      d: `M${num(nx)} ${num(ny + 5 * s)}q${num(-6 * s)} ${num(12 * s)} ${num(-16 * s)} ${num(5 * s)}M${num(nx)} ${num(ny + 5 * s)}q${num(6 * s)} ${num(12 * s)} ${num(16 * s)} ${num(5 * s)}`,
      fill: 'none',
      stroke: INK,
      'stroke-width': 3 * s,
      'stroke-linecap': 'round',
    }) +
    el('g', { stroke: INK, 'stroke-width': 2.5 * s, 'stroke-linecap': 'round' }, ...whiskers)
  );
}

export interface RobotPose {
  /** Arm ends relative to the shoulders, in robot units (the body is 130 wide). */
  leftHand: [number, number];
  rightHand: [number, number];
}

/** A friendly robot standing with its feet at (cx, bottom); `s` = 1 is about 200 px tall. */
export function robot(cx: number, bottom: number, s: number, pose: RobotPose): string {
  const p = (x: number, y: number): [number, number] => [cx + x * s, bottom + y * s];
  const body = tint(palette.primary, 0.18);
  const shell = tint(palette.primary, 0.35);
  const stroke = { stroke: INK, 'stroke-width': 3 * s, 'stroke-linejoin': 'round' };
  const rect = (x: number, y: number, w: number, h: number, rx: number, fill: string) => {
    const [rx0, ry0] = p(x, y);
    return el('rect', { x: rx0, y: ry0, width: w * s, height: h * s, rx: rx * s, fill, ...stroke });
  };
  const arm = (shoulderX: number, hand: [number, number]) => {
    const [x1, y1] = p(shoulderX, -92);
    const [x2, y2] = p(shoulderX + hand[0], -92 + hand[1]);
    return (
      el('line', { x1, y1, x2, y2, stroke: INK, 'stroke-width': 14 * s, 'stroke-linecap': 'round' }) +
      el('line', { x1, y1, x2, y2, stroke: shell, 'stroke-width': 8 * s, 'stroke-linecap': 'round' }) +
      circle(x2, y2, 10 * s, { fill: shell, ...stroke })
    );
  };
  const [ax, ay] = p(0, -206);
  const eye = (side: 1 | -1) => {
    const [ex, ey] = p(side * 24, -160);
    return circle(ex, ey, 13 * s, { fill: palette.paper, ...stroke }) + circle(ex + 2 * s, ey + 1 * s, 6 * s, { fill: INK });
  };
  const [mx, my] = p(-16, -138);
  return (
    el('line', { x1: ax, y1: ay, x2: ax, y2: ay + 22 * s, stroke: INK, 'stroke-width': 4 * s }) +
    circle(ax, ay, 8 * s, { fill: palette.accent, ...stroke }) +
    arm(-62, pose.leftHand) +
    arm(62, pose.rightHand) +
    rect(-36, -18, 24, 18, 5, shell) +
    rect(12, -18, 24, 18, 5, shell) +
    rect(-62, -112, 124, 96, 22, body) +
    rect(-30, -90, 60, 34, 8, palette.paper) +
    circle(...p(-14, -73), 6 * s, { fill: palette.tanh }) +
    circle(...p(0, -73), 6 * s, { fill: palette.sigmoid }) +
    circle(...p(14, -73), 6 * s, { fill: palette.other }) +
    rect(-68, -186, 136, 76, 24, shell) +
    rect(-78, -162, 12, 28, 5, body) +
    rect(66, -162, 12, 28, 5, body) +
    eye(-1) +
    eye(1) +
    el('path', {
      d: `M${num(mx)} ${num(my)}q${num(16 * s)} ${num(14 * s)} ${num(32 * s)} 0`,
      fill: 'none',
      stroke: INK,
      'stroke-width': 3.5 * s,
      'stroke-linecap': 'round',
    })
  );
}

/** A simple person (round head, rounded body) standing with feet at (cx, bottom), one hand raised to `hand` (absolute). */
export function person(cx: number, bottom: number, s: number, hand: [number, number]): string {
  const p = (x: number, y: number): [number, number] => [cx + x * s, bottom + y * s];
  const stroke = { stroke: INK, 'stroke-width': 3 * s };
  const [hx, hy] = p(0, -170);
  const [bx, by] = p(-52, -118);
  return (
    el('rect', { x: bx, y: by, width: 104 * s, height: 118 * s, rx: 40 * s, fill: palette.tanh, ...stroke }) +
    el('line', {
      x1: cx + 30 * s,
      y1: bottom - 92 * s,
      x2: hand[0],
      y2: hand[1],
      stroke: INK,
      'stroke-width': 20 * s,
      'stroke-linecap': 'round',
    }) +
    el('line', {
      x1: cx + 30 * s,
      y1: bottom - 92 * s,
      x2: hand[0],
      y2: hand[1],
      stroke: palette.tanh,
      'stroke-width': 14 * s,
      'stroke-linecap': 'round',
    }) +
    circle(hand[0], hand[1], 11 * s, { fill: SKIN, ...stroke }) +
    circle(hx, hy, 40 * s, { fill: SKIN, ...stroke }) +
    el('path', {
      d: `M${num(hx - 40 * s)} ${num(hy - 2 * s)}a${num(40 * s)} ${num(40 * s)} 0 0 1 ${num(80 * s)} 0q${num(-40 * s)} ${num(-16 * s)} ${num(-80 * s)} 0z`,
      fill: INK,
    }) +
    circle(hx - 14 * s, hy + 6 * s, 4.5 * s, { fill: INK }) +
    circle(hx + 14 * s, hy + 6 * s, 4.5 * s, { fill: INK }) +
    el('path', {
      d: `M${num(hx - 12 * s)} ${num(hy + 20 * s)}q${num(12 * s)} ${num(10 * s)} ${num(24 * s)} 0`,
      fill: 'none',
      stroke: INK,
      'stroke-width': 3 * s,
      'stroke-linecap': 'round',
    })
  );
}
