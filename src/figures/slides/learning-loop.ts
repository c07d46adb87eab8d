/** The training loop: initialise, predict, compare with the answer, update, and repeat from ②. */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrow, arrowHead, roundedBox } from '../shapes.ts';
import { el } from '../svg.ts';

interface Step {
  title: string;
  note: string;
}

const steps: Step[] = [
  { title: '\\textbf{① パラメータを初期化}', note: '\\text{ランダムに決める}' },
  { title: '\\textbf{② 予測値 }y\\textbf{ を計算}', note: '\\text{今のパラメータで計算}' },
  { title: '\\textbf{③ 正解 }t\\textbf{ と比べる}', note: '\\text{目的関数 } \\Phi(y)' },
  { title: '\\textbf{④ パラメータを更新}', note: '\\text{勾配を使って少し動かす}' },
];

const LEFT = 16;
const BOX_W = 332;
const BOX_H = 118;
const TOP = 24;
const GAP = 58;
const LOOP_X = 384;

export function learningLoopFigure(): RenderedFigure {
  const fig = new Figure(448, 720, '学習の流れ: ①初期化 → ②予測値yを計算 → ③正解tと比べる → ④パラメータを更新 → ②に戻って繰り返す(⑤)');
  const cx = LEFT + BOX_W / 2;
  const top = (i: number) => TOP + i * (BOX_H + GAP);

  steps.forEach((step, i) => {
    const y = top(i);
    const highlight = i === 3;
    fig.add(
      roundedBox(LEFT, y, BOX_W, BOX_H, {
        fill: tint(highlight ? palette.accent : palette.primary, 0.1),
        stroke: highlight ? palette.accent : palette.primary,
        'stroke-width': 3,
      }),
    );
    fig.math(step.title, { x: LEFT + 20, y: y + 42, size: 28, baseline: 'middle' });
    fig.math(step.note, { x: LEFT + 20, y: y + 86, size: 26, baseline: 'middle', fill: palette.muted });
    if (i < steps.length - 1) {
      fig.add(arrow({ x: cx, y: y + BOX_H + 6 }, { x: cx, y: top(i + 1) - 6 }, { color: palette.muted, width: 5, head: 18 }));
    }
  });

  // ⑤: back from ④ to ②.
  const fromY = top(3) + BOX_H / 2;
  const toY = top(1) + BOX_H / 2;
  const r = 18;
  fig.add(
    el('path', {
      d: `M${LEFT + BOX_W + 4} ${fromY}H${LOOP_X - r}Q${LOOP_X} ${fromY} ${LOOP_X} ${fromY - r}V${toY + r}Q${LOOP_X} ${toY} ${LOOP_X - r} ${toY}H${LEFT + BOX_W + 22}`,
      fill: 'none',
      stroke: palette.accent,
      'stroke-width': 5,
      'stroke-linejoin': 'round',
    }),
    arrowHead({ x: LEFT + BOX_W + 4, y: toY }, { x: -1, y: 0 }, 20, palette.accent),
  );
  const label = '⑤繰り返す';
  const labelSize = 28;
  fig.verticalText(label, {
    x: LOOP_X + 34,
    y: (fromY + toY - [...label].length * labelSize * 1.08) / 2,
    size: labelSize,
    bold: true,
    fill: palette.accent,
  });
  return fig.render();
}
