/** 学習 (a robot studying, its score rising) and 推論 (the same robot answering a person). */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrowHead, roundedBox } from '../shapes.ts';
import { el, points } from '../svg.ts';
import { catFace, person, robot } from './characters.ts';

const SIZE = 400;
const CAPTION_Y = 368;

function caption(fig: Figure, text: string): void {
  fig.text(text, { x: SIZE / 2, y: CAPTION_Y, size: 36, anchor: 'middle', baseline: 'middle', bold: true });
}

/** An open book held in front of the robot. */
function book(cx: number, top: number): string {
  const cover = palette.tanh;
  const stroke = { stroke: palette.ink, 'stroke-width': 3, 'stroke-linejoin': 'round' };
  const lines = [0, 1, 2, 3].flatMap((i) => {
    const y = top + 14 + i * 12;
    return [el('line', { x1: cx - 50, y1: y, x2: cx - 12, y2: y + 2 }), el('line', { x1: cx + 12, y1: y + 2, x2: cx + 50, y2: y })];
  });
  return (
    el('polygon', {
      points: points([
        [cx - 66, top - 6],
        [cx, top + 4],
        [cx + 66, top - 6],
        [cx + 66, top + 70],
        [cx, top + 80],
        [cx - 66, top + 70],
      ]),
      fill: cover,
      ...stroke,
    }) +
    el('polygon', {
      points: points([
        [cx - 60, top],
        [cx, top + 10],
        [cx, top + 72],
        [cx - 60, top + 62],
      ]),
      fill: palette.paper,
      ...stroke,
    }) +
    el('polygon', {
      points: points([
        [cx + 60, top],
        [cx, top + 10],
        [cx, top + 72],
        [cx + 60, top + 62],
      ]),
      fill: palette.paper,
      ...stroke,
    }) +
    el('g', { stroke: palette.grid, 'stroke-width': 3, 'stroke-linecap': 'round' }, ...lines)
  );
}

/** A small chart whose score climbs: learning makes the function better. */
function risingChart(x: number, y: number, width: number, height: number): string {
  const curve = [0, 1, 2, 3, 4, 5, 6].map((i): [number, number] => {
    const t = i / 6;
    return [x + 14 + t * (width - 34), y + height - 16 - ((height - 40) * (1 - Math.exp(-3 * t))) / (1 - Math.exp(-3))];
  });
  const [lx, ly] = curve[curve.length - 1];
  const [px, py] = curve[curve.length - 2];
  return (
    roundedBox(x, y, width, height, { fill: palette.paper, stroke: palette.ink, 'stroke-width': 3 }) +
    el('polyline', {
      points: points([
        [x + 12, y + 12],
        [x + 12, y + height - 12],
        [x + width - 12, y + height - 12],
      ]),
      fill: 'none',
      stroke: palette.muted,
      'stroke-width': 2.5,
    }) +
    el('polyline', {
      points: points(curve.slice(0, -1).concat([[lx - (lx - px) * 0.3, ly - (ly - py) * 0.3]])),
      fill: 'none',
      stroke: palette.accent,
      'stroke-width': 5,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }) +
    arrowHead({ x: lx + (lx - px) * 0.15, y: ly + (ly - py) * 0.15 }, { x: lx - px, y: ly - py }, 18, palette.accent)
  );
}

export function aiLearningFigure(): RenderedFigure {
  const fig = new Figure(SIZE, SIZE, '学習: ロボットが本で勉強し、成績のグラフが上がっていく');
  fig.add(risingChart(236, 24, 146, 112));
  fig.add(robot(150, 318, 1.22, { leftHand: [8, 40], rightHand: [-8, 40] }));
  fig.add(book(150, 226));
  caption(fig, '学習');
  return fig.render();
}

export function aiInferenceFigure(): RenderedFigure {
  const fig = new Figure(SIZE, SIZE, '推論: 人が見せた写真に、ロボットが「ねこ」と答える');
  // The person holds up a photo.
  fig.add(
    person(78, 318, 0.95, [150, 150]),
    el('rect', { x: 110, y: 70, width: 104, height: 92, rx: 8, fill: palette.paper, stroke: palette.ink, 'stroke-width': 3 }),
    el('rect', { x: 118, y: 78, width: 88, height: 70, rx: 3, fill: tint(palette.primary, 0.14) }),
    catFace(162, 118, 0.36),
  );
  fig.add(robot(318, 318, 1.0, { leftHand: [-20, 40], rightHand: [4, 40] }));
  // The robot answers in a speech bubble.
  fig.add(
    el('path', {
      d: 'M236 14h140a14 14 0 0 1 14 14v50a14 14 0 0 1 -14 14h-56l-22 22l-2 -22h-60a14 14 0 0 1 -14 -14v-50a14 14 0 0 1 14 -14z',
      fill: palette.paper,
      stroke: palette.accent,
      'stroke-width': 4,
      'stroke-linejoin': 'round',
    }),
  );
  fig.text('ねこ!', { x: 306, y: 53, size: 40, anchor: 'middle', baseline: 'middle', bold: true, fill: palette.accent });
  caption(fig, '推論');
  return fig.render();
}
