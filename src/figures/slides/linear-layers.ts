/** One layer = a linear transform (wx + b) followed by a non-linear one (the activation A), repeated. */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrow, roundedBox } from '../shapes.ts';
import { el } from '../svg.ts';

// Drawn at the size of its place on slide 18 (the upper half of a 45 % column), so 1 unit is 1 px there.
const WIDTH = 540;
const HEIGHT = 260;
const FRAME_X = 46;
const FRAME_W = 418;
const FRAME_H = 112;
const LINEAR = { x: 58, w: 160 };
const NONLINEAR = { x: 250, w: 202 };
const BOX_INSET = 10;
const LABEL = 24;

export function linearLayersFigure(): RenderedFigure {
  const fig = new Figure(WIDTH, HEIGHT, '各層: 線形変換(wx+b)のあとに非線形変換(活性化関数A)。これを層の数だけ繰り返す');
  const rows = [
    { top: 2, layer: 1, linear: 'w_1 x + b_1' },
    { top: HEIGHT - FRAME_H - 2, layer: 2, linear: 'w_2 x_1 + b_2' },
  ];
  for (const { top, layer, linear } of rows) {
    const boxTop = top + BOX_INSET;
    const boxH = FRAME_H - 2 * BOX_INSET;
    const mid = top + FRAME_H / 2;
    fig.add(
      el('rect', {
        x: FRAME_X,
        y: top,
        width: FRAME_W,
        height: FRAME_H,
        rx: 16,
        fill: 'none',
        stroke: palette.muted,
        'stroke-width': 2.5,
        'stroke-dasharray': '8 6',
      }),
    );
    fig.verticalText(`第${layer}層`, { x: 22, y: mid - (3 * LABEL * 1.08) / 2, size: LABEL, bold: true, fill: palette.muted });

    fig.add(roundedBox(LINEAR.x, boxTop, LINEAR.w, boxH, { fill: tint(palette.primary, 0.1), stroke: palette.primary, 'stroke-width': 3 }));
    fig.text('線形変換', { x: LINEAR.x + LINEAR.w / 2, y: boxTop + 28, size: LABEL, anchor: 'middle', baseline: 'middle', bold: true });
    fig.math(linear, { x: LINEAR.x + LINEAR.w / 2, y: boxTop + 64, size: LABEL, anchor: 'middle', baseline: 'middle' });

    fig.add(arrow({ x: LINEAR.x + LINEAR.w + 4, y: mid }, { x: NONLINEAR.x - 4, y: mid }, { color: palette.muted, width: 4, head: 14 }));

    fig.add(
      roundedBox(NONLINEAR.x, boxTop, NONLINEAR.w, boxH, { fill: tint(palette.sigmoid, 0.14), stroke: palette.sigmoid, 'stroke-width': 3 }),
    );
    fig.text('非線形変換', {
      x: NONLINEAR.x + NONLINEAR.w / 2,
      y: boxTop + 28,
      size: LABEL,
      anchor: 'middle',
      baseline: 'middle',
      bold: true,
    });
    fig.math(`\\text{活性化関数 } A_${layer}`, {
      x: NONLINEAR.x + NONLINEAR.w / 2,
      y: boxTop + 64,
      size: LABEL,
      anchor: 'middle',
      baseline: 'middle',
    });
  }

  // Layer 1's output becomes layer 2's input; after layer 2, more layers follow.
  const [first, second] = rows;
  const fromX = NONLINEAR.x + NONLINEAR.w / 2;
  const toX = LINEAR.x + LINEAR.w / 2;
  const turnY = (first.top + FRAME_H + second.top) / 2;
  fig.add(
    el('polyline', {
      points: `${fromX},${first.top + FRAME_H - BOX_INSET} ${fromX},${turnY} ${toX},${turnY}`,
      fill: 'none',
      stroke: palette.muted,
      'stroke-width': 4,
      'stroke-linejoin': 'round',
    }),
    arrow({ x: toX, y: turnY - 2 }, { x: toX, y: second.top + BOX_INSET - 4 }, { color: palette.muted, width: 4, head: 14 }),
    arrow(
      { x: NONLINEAR.x + NONLINEAR.w + 4, y: second.top + FRAME_H / 2 },
      { x: FRAME_X + FRAME_W + 34, y: second.top + FRAME_H / 2 },
      { color: palette.muted, width: 4, head: 14 },
    ),
  );
  fig.math('\\cdots', { x: WIDTH - 2, y: second.top + FRAME_H / 2, size: 30, anchor: 'end', baseline: 'middle', alt: '…(以下の層に続く)' });
  return fig.render();
}
